package io.duban.bot.wecom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS trust for private deployments (私有化部署) whose WeCom servers use a private CA. */
public final class TrustStores {
    private TrustStores() {
    }

    /** An SSL context and its trust manager that trust exactly the certificates in a PKCS#12 or JKS file. */
    public record Trust(SSLContext context, X509TrustManager trustManager) {
    }

    public static Trust load(Path file, String password) {
        char[] pw = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager tm = null;
            for (var m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return new Trust(ctx, tm);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the trust store " + file + " (WECOM_TRUST_STORE): "
                    + e.getMessage(), e);
        }
    }
}
