package io.duban.bot.wecom;

import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** The HTTP client for WeCom's REST endpoints: bounded timeouts, and a private CA when one is configured. */
public final class WeComHttp {
    private WeComHttp() {
    }

    public static OkHttpClient client(Optional<TrustStores.Trust> trust) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(30));
        trust.ifPresent(t -> http.sslSocketFactory(t.context().getSocketFactory(), t.trustManager()));
        return http.build();
    }
}
