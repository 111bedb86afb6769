package io.duban.bot.wecom.ws;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/** How to reach and keep the long connection. {@link #standard} has WeCom's documented timings. */
public record LongConnectionConfig(URI url, String botId, String secret, Optional<SSLSocketFactory> socketFactory,
                                   Duration heartbeatInterval, Duration ackTimeout, Backoff backoff) {
    public LongConnectionConfig {
        requireNonNull(url, "url is null");
        requireNonNull(botId, "botId is null");
        requireNonNull(secret, "secret is null");
        requireNonNull(socketFactory, "socketFactory is null");
        requireNonNull(heartbeatInterval, "heartbeatInterval is null");
        requireNonNull(ackTimeout, "ackTimeout is null");
        requireNonNull(backoff, "backoff is null");
    }

    public static LongConnectionConfig standard(URI url, String botId, String secret,
                                                Optional<SSLSocketFactory> socketFactory) {
        return new LongConnectionConfig(url, botId, secret, socketFactory, Duration.ofSeconds(30),
                Duration.ofSeconds(5), Backoff.standard());
    }

    @Override
    public String toString() {
        return "LongConnectionConfig[" + url + ", bot " + botId + "]";
    }
}
