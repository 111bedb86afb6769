package io.duban.bot.wecom.app;

import static java.util.Objects.requireNonNull;

import io.duban.bot.wecom.Secrets;

/**
 * A self-built app: the corp, the app's AgentId and its Secret. {@link #toString} masks the secret, so the record
 * may appear in logs and exceptions.
 */
public record AppCredentials(String corpId, long agentId, String secret) {
    public AppCredentials {
        requireNonNull(corpId, "corpId is null");
        requireNonNull(secret, "secret is null");
        if (corpId.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("the corp id and the app secret must not be empty");
        }
    }

    @Override
    public String toString() {
        return "AppCredentials[corpId=" + corpId + ", agentId=" + agentId + ", secret=" + Secrets.mask(secret) + "]";
    }
}
