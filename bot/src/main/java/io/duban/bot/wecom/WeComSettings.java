package io.duban.bot.wecom;

import io.duban.config.YamlNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WeCom settings, read like every other section through {@link SettingSource}: environment variables first, then the
 * {@code wecom:} section of {@code config/duban.yml} (values may be {@code ${ENV}} references). Secrets are only ever shown through {@link #describe()}.
 *
 * <pre>
 * wecom:
 *   botId: ${WECOM_BOT_ID}
 *   botSecret: ${WECOM_BOT_SECRET}
 *   wsUrl: wss://openws.work.weixin.qq.com
 *   apiBase: https://qyapi.weixin.qq.com
 *   trustStore: /etc/duban/wecom-ca.p12
 *   trustStorePassword: ${WECOM_TRUST_STORE_PASSWORD}
 *   webhooks:
 *     wr-demo-ngk: ${WECOM_WEBHOOK_NGK}
 * </pre>
 */
public record WeComSettings(
        Optional<String> botId,
        Optional<String> botSecret,
        URI wsUrl,
        String apiBase,
        Optional<Path> trustStore,
        Optional<String> trustStorePassword,
        Map<String, String> webhooks,
        Map<String, String> env) {

    public static final String DEFAULT_WS_URL = "wss://openws.work.weixin.qq.com";
    public static final String DEFAULT_API_BASE = "https://qyapi.weixin.qq.com";
    public static final String WEBHOOK_ENV_PREFIX = "WECOM_WEBHOOK_";

    public WeComSettings {
        webhooks = Map.copyOf(webhooks);
        env = Map.copyOf(env);
    }

    /** Reads the {@code wecom:} section of the settings root ({@code null} when there is no duban.yml). */
    public static WeComSettings from(YamlNode settingsRoot, Map<String, String> env) {
        SettingSource source = SettingSource.of(settingsRoot, "wecom", env::get, "botId", "botSecret", "wsUrl",
                "apiBase", "trustStore", "trustStorePassword", "webhooks");
        Optional<YamlNode> section = source.section();
        Optional<String> botId = source.text("WECOM_BOT_ID", "botId");
        Optional<String> secret = source.text("WECOM_BOT_SECRET", "botSecret");
        String wsUrl = source.text("WECOM_WS_URL", "wsUrl").orElse(DEFAULT_WS_URL);
        URI ws;
        try {
            ws = URI.create(wsUrl);
        } catch (IllegalArgumentException e) {
            throw section.flatMap(s -> s.get("wsUrl")).map(n -> (RuntimeException) n.error("not a URL: " + wsUrl))
                    .orElseGet(() -> new IllegalArgumentException("WECOM_WS_URL is not a URL: " + wsUrl));
        }
        if (!"wss".equals(ws.getScheme()) && !"ws".equals(ws.getScheme())) {
            throw new IllegalArgumentException("WECOM_WS_URL must start with wss:// (or ws:// for a local test), got "
                    + wsUrl);
        }
        String apiBase = source.text("WECOM_API_BASE", "apiBase").orElse(DEFAULT_API_BASE)
                .replaceAll("/+$", "");
        if (!apiBase.startsWith("https://") && !apiBase.startsWith("http://")) {
            throw new IllegalArgumentException("WECOM_API_BASE must start with https://, got " + apiBase);
        }
        Optional<Path> trustStore = source.text("WECOM_TRUST_STORE", "trustStore").map(Path::of);
        Optional<String> trustStorePassword = source.text("WECOM_TRUST_STORE_PASSWORD", "trustStorePassword");
        Map<String, String> webhooks = new LinkedHashMap<>();
        section.flatMap(s -> s.get("webhooks")).ifPresent(w -> w.entries().forEach((chatId, key) -> {
            if (!key.isNull()) {
                webhooks.put(chatId, key.nonBlankText());
            }
        }));
        if (botId.isPresent() != secret.isPresent()) {
            throw new IllegalArgumentException("set both WECOM_BOT_ID and WECOM_BOT_SECRET (or wecom.botId and "
                    + "wecom.botSecret in config/duban.yml), not only one of them");
        }
        return new WeComSettings(botId, secret, ws, apiBase, trustStore, trustStorePassword, webhooks, env);
    }

    public boolean hasBotCredentials() {
        return botId.isPresent() && botSecret.isPresent();
    }

    /** True when at least one group has a webhook key (in duban.yml or the environment). */
    public boolean hasWebhooks() {
        return !webhooks.isEmpty() || env.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(WEBHOOK_ENV_PREFIX) && !e.getValue().isBlank());
    }

    /** The webhook key of a group chat: env {@code WECOM_WEBHOOK_CHATID}, else {@code wecom.webhooks.CHATID}. */
    public Optional<String> webhookKey(String chatId) {
        return Optional.ofNullable(env.get(webhookEnvName(chatId))).map(String::strip).filter(v -> !v.isEmpty())
                .or(() -> Optional.ofNullable(webhooks.get(chatId)));
    }

    /** {@code wr-demo-ngk} → {@code WECOM_WEBHOOK_WR_DEMO_NGK}. */
    public static String webhookEnvName(String chatId) {
        return WEBHOOK_ENV_PREFIX + chatId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Every secret in these settings, for {@link Secrets#scrub}. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        botSecret.ifPresent(out::add);
        trustStorePassword.ifPresent(out::add);
        out.addAll(webhooks.values());
        env.forEach((k, v) -> {
            if (k.startsWith(WEBHOOK_ENV_PREFIX)) {
                out.add(v);
            }
        });
        return out;
    }

    /** A one-line description for logs and {@code status}, secrets masked. */
    public String describe() {
        return "bot id " + botId.orElse("(未设置 / not set)") + ", secret " + Secrets.mask(botSecret.orElse(null))
                + ", ws " + wsUrl + ", api " + apiBase
                + trustStore.map(p -> ", trust store " + p).orElse("");
    }

    @Override
    public String toString() {
        return "WeComSettings[" + describe() + "]";
    }
}
