package io.duban.bot.wecom;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one WeCom API call, as the outbox drainer needs it: done, worth retrying later (network, busy,
 * rate-limited, 5xx), or permanent (bad secret, untrusted IP, no such user): retrying would not help.
 */
public sealed interface ApiResult {
    boolean isOk();

    record Ok(JsonNode body) implements ApiResult {
        public Ok {
            requireNonNull(body, "body is null");
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** {@code errcode} is WeCom's, or the HTTP status, or {@value #NETWORK} for a transport failure. */
    record Retryable(int errcode, String errmsg) implements ApiResult {
        public static final int NETWORK = -2;

        @Override
        public boolean isOk() {
            return false;
        }
    }

    record Permanent(int errcode, String errmsg) implements ApiResult {
        @Override
        public boolean isOk() {
            return false;
        }
    }

    /** Sorts a WeCom errcode. */
    static ApiResult ofError(int errcode, String errmsg) {
        return switch (errcode) {
            // -1 system busy, 45009 api freq out of limit, 45033 too many concurrent calls
            case -1, 45009, 45033 -> new Retryable(errcode, errmsg);
            default -> new Permanent(errcode, errmsg);
        };
    }
}
