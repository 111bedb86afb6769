package io.duban.bot.wecom.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.ManualScheduler;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TlsTerminator;
import io.duban.bot.wecom.TrustStores;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private deployment (私有化部署) whose long-connection server uses its own CA: with WECOM_TRUST_STORE the bot
 * connects; without it the TLS handshake fails (and the bot keeps retrying with backoff, it does not give up).
 */
class PrivateDeploymentTlsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-09T01:00:00Z"));

    private void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
    }

    private SSLContext serverContext(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "serverpw".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "serverpw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private LongConnection connect(TlsTerminator tls, Optional<javax.net.ssl.SSLSocketFactory> factory) {
        LongConnection c = new LongConnection(LongConnectionConfig.standard(tls.url(), FakeWeCom.BOT_ID,
                FakeWeCom.SECRET, factory), new LongConnection.Listener() {
                    @Override
                    public void onMessage(WsFrame callback) {
                    }

                    @Override
                    public void onEvent(WsFrame callback) {
                    }
                }, new ManualScheduler(clock), clock);
        c.start();
        return c;
    }

    @Test
    void givenThePrivateCaInTheTrustStore_thenTheLongConnectionComesUp_andWithoutItTheHandshakeFails()
            throws Exception {
        Path server = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "wecom", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=wecom.example.gov.cn", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", server.toString(), "-storepass", "serverpw", "-keypass", "serverpw");
        Path pem = dir.resolve("ca.pem");
        keytool("-exportcert", "-alias", "wecom", "-keystore", server.toString(), "-storepass", "serverpw", "-rfc",
                "-file", pem.toString());
        Path trust = dir.resolve("wecom-ca.p12");
        keytool("-importcert", "-alias", "wecom-ca", "-file", pem.toString(), "-keystore", trust.toString(),
                "-storetype", "PKCS12", "-storepass", "trustpw", "-noprompt");

        FakeWeCom wecom = FakeWeCom.startOnLoopback();
        TlsTerminator tls = new TlsTerminator(serverContext(server), new java.net.InetSocketAddress("127.0.0.1", wecom.getPort()));
        LongConnection trusted = null;
        LongConnection untrusted = null;
        try {
            assertThat(tls.url().toString()).startsWith("wss://");
            untrusted = connect(tls, Optional.empty());
            LongConnection u = untrusted;
            await().atMost(Duration.ofSeconds(20)).until(() -> u.state() == ConnectionState.WAITING_TO_RECONNECT);
            assertThat(u.lastProblem()).as("what the operator is told").containsIgnoringCase("certif");
            assertThat(wecom.subscriptions.get()).isZero();
            untrusted.close();

            TrustStores.Trust t = TrustStores.load(trust, "trustpw");
            trusted = connect(tls, Optional.of(t.context().getSocketFactory()));
            LongConnection c = trusted;
            await().atMost(Duration.ofSeconds(20)).until(() -> c.state() == ConnectionState.ONLINE);
            assertThat(wecom.subscriptions.get()).isEqualTo(1);
        } finally {
            if (trusted != null) {
                trusted.close();
            }
            tls.close();
            wecom.stop(1000);
        }
    }
}
