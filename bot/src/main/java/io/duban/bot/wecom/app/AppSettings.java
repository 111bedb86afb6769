package io.duban.bot.wecom.app;

import static java.util.Objects.requireNonNull;

import io.duban.bot.wecom.SettingSource;
import io.duban.config.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The self-built app's settings, from the environment and the {@code app:} section of duban.yml:
 *
 * <pre>
 * app:
 *   corpId: ww…                        # WECOM_CORP_ID
 *   agentId: 1000002                   # WECOM_AGENT_ID
 *   secret: ${WECOM_AGENT_SECRET}      # WECOM_AGENT_SECRET
 *   apiBase: https://qyapi.weixin.qq.com   # WECOM_API_BASE (private deployments)
 * </pre>
 *
 * The app is on when its AgentId or Secret is set.
 */
public record AppSettings(Optional<String> corpId, Optional<String> agentId, Optional<String> secret, String apiBase) {
    public static final String ENV_CORP_ID = "WECOM_CORP_ID";
    public static final String ENV_AGENT_ID = "WECOM_AGENT_ID";
    public static final String ENV_AGENT_SECRET = "WECOM_AGENT_SECRET";
    public static final String ENV_API_BASE = "WECOM_API_BASE";

    public AppSettings {
        requireNonNull(corpId, "corpId is null");
        requireNonNull(agentId, "agentId is null");
        requireNonNull(secret, "secret is null");
        requireNonNull(apiBase, "apiBase is null");
    }

    public static AppSettings read(YamlNode rawSettings, Function<String, String> env) {
        SettingSource s = SettingSource.of(rawSettings, "app", env, "corpId", "agentId", "secret", "apiBase");
        return new AppSettings(
                s.text(ENV_CORP_ID, "corpId"),
                s.text(ENV_AGENT_ID, "agentId"),
                s.text(ENV_AGENT_SECRET, "secret"),
                s.text(ENV_API_BASE, "apiBase").orElse(WeComAppClient.DEFAULT_API_BASE));
    }

    public boolean enabled() {
        return agentId.isPresent() || secret.isPresent();
    }

    /** What is wrong, in words for the operator (never the secret). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (HttpUrl.parse(apiBase) == null) {
            out.add(ENV_API_BASE + ": not an http(s) URL: " + apiBase);
        }
        if (!enabled()) {
            return out;
        }
        if (corpId.isEmpty()) {
            out.add(ENV_CORP_ID + " is missing");
        }
        if (agentId.isEmpty()) {
            out.add(ENV_AGENT_ID + " is missing");
        } else if (!agentId.get().matches("\\d{1,10}")) {
            out.add(ENV_AGENT_ID + " must be the app's numeric AgentId, e.g. 1000002");
        }
        if (secret.isEmpty()) {
            out.add(ENV_AGENT_SECRET + " is missing");
        }
        return out;
    }

    /** The app's credentials; call only when enabled and {@link #problems} is empty. */
    public AppCredentials credentials() {
        return new AppCredentials(corpId.orElseThrow(), Long.parseLong(agentId.orElseThrow()), secret.orElseThrow());
    }

    public HttpUrl apiBaseUrl() {
        return HttpUrl.get(apiBase);
    }
}
