package io.duban.bot.wecom.callback;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * Whether the callback can listen where it is configured to: the port is free, or a callback server of ours
 * already answers there (a running {@code ./duban serve}). Probes only the local machine.
 */
public final class PortProbe {
    public enum Outcome {
        FREE,
        CALLBACK_RUNNING,
        IN_USE,
        CANNOT_BIND
    }

    public record Result(Outcome outcome, String detail) {
        public boolean ok() {
            return outcome == Outcome.FREE || outcome == Outcome.CALLBACK_RUNNING;
        }
    }

    private PortProbe() {
    }

    public static Result check(String listen, int port, String path) {
        InetAddress address;
        try {
            address = InetAddress.getByName(listen);
        } catch (IOException e) {
            return new Result(Outcome.CANNOT_BIND, "unknown listen address " + listen);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return new Result(Outcome.FREE, "bindable");
        } catch (IOException e) {
            if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
                return new Result(Outcome.CANNOT_BIND, e.getMessage());
            }
        }
        return probeLoopback(port, path);
    }

    /** A GET without parameters: our callback answers 400 "missing query parameter". */
    private static Result probeLoopback(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(1000);
            int status = c.getResponseCode();
            String body = status >= 400 && c.getErrorStream() != null
                    ? new String(c.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) : "";
            c.disconnect();
            if (status == 400 && body.startsWith("missing query parameter")) {
                return new Result(Outcome.CALLBACK_RUNNING, "a duban callback already answers on " + path);
            }
            return new Result(Outcome.IN_USE, "another program answers HTTP " + status + " there");
        } catch (IOException e) {
            return new Result(Outcome.IN_USE, "in use by another program");
        }
    }
}
