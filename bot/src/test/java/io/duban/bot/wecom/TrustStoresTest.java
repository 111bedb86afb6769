package io.duban.bot.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoresTest {
    @TempDir
    Path dir;

    @Test
    void givenAPkcs12File_thenItLoads_andAWrongPasswordIsAClearError() throws Exception {
        Path file = dir.resolve("wecom-ca.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        // a private deployment's CA would be added with keytool -importcert; the JDK's default CA list stands in
        var defaults = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        var issuers = ((javax.net.ssl.X509TrustManager) defaults.getTrustManagers()[0]).getAcceptedIssuers();
        store.setCertificateEntry("ca", issuers[0]);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }

        TrustStores.Trust trust = TrustStores.load(file, "changeit");
        assertThat(trust.trustManager().getAcceptedIssuers()).hasSize(1);
        assertThat(trust.context().getSocketFactory()).isNotNull();

        Throwable wrong = catchThrowable(() -> TrustStores.load(file, "wrong"));
        assertThat(wrong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WECOM_TRUST_STORE")
                .hasMessageNotContaining("changeit");
        Throwable missing = catchThrowable(() -> TrustStores.load(dir.resolve("nope.p12"), "x"));
        assertThat(missing).hasMessageContaining("nope.p12");
    }
}
