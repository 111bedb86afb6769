package io.duban.bot.wecom;

import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** The HTTP client for WeCom's REST endpoints: bounded timeouts, and a private CA when one is configured. */
public final class WeComHttp {
    private WeComHttp() {
    }

    /**
     * Sockets with Nagle's algorithm off: a POST goes out as headers and body in two writes, and with Nagle on the
     * body waits for the server's delayed ACK — about 40 ms per message (the outbox bench drained 22 a second).
     */
    static final javax.net.SocketFactory NO_DELAY = new javax.net.SocketFactory() {
        private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

        private java.net.Socket noDelay(java.net.Socket s) throws java.io.IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort)
                throws java.io.IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress,
                                            int localPort) throws java.io.IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }
    };

    public static OkHttpClient client(Optional<TrustStores.Trust> trust) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .socketFactory(NO_DELAY)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(30));
        trust.ifPresent(t -> http.sslSocketFactory(t.context().getSocketFactory(), t.trustManager()));
        return http.build();
    }
}
