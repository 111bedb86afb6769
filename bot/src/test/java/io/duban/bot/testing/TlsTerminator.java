package io.duban.bot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS terminator on 127.0.0.1 in front of a plain loopback server, as a private deployment puts its own-CA
 * certificate on a proxy before the long-connection server. It uses the JDK's blocking {@link SSLSocket}: the TLS
 * server of Java-WebSocket (SSLSocketChannel2) can drop the client's first bytes after a TLS 1.3 handshake and then
 * hangs, which made a test of ours fail now and then.
 */
public final class TlsTerminator implements AutoCloseable {
    private final SSLServerSocket server;
    private final InetSocketAddress backend;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** TLS handshakes that failed (a client that does not trust the certificate). */
    public final AtomicInteger failedHandshakes = new AtomicInteger();
    private final Thread acceptor;

    public TlsTerminator(SSLContext context, InetSocketAddress backend) throws IOException {
        this.backend = backend;
        this.server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "tls-terminator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI url() {
        return URI.create("wss://127.0.0.1:" + server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "tls-terminator-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SSLSocket client) {
        try {
            client.startHandshake();
        } catch (IOException e) {
            failedHandshakes.incrementAndGet();
            closeQuietly(client);
            return;
        }
        try {
            Socket plain = new Socket(backend.getAddress(), backend.getPort());
            open.add(plain);
            Thread back = new Thread(() -> pump(plain, client), "tls-terminator-back");
            back.setDaemon(true);
            back.start();
            pump(client, plain);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(TlsTerminator::closeQuietly);
    }
}
