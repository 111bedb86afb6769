package io.duban.bot.wecom;

import io.duban.bot.outbox.SendResult;

/** {@link ApiResult} (the app and response_url clients) in the outbox's terms. */
public final class ApiResults {
    private ApiResults() {
    }

    public static SendResult toSendResult(ApiResult result) {
        if (result instanceof ApiResult.Retryable r) {
            return SendResult.retry("errcode " + r.errcode() + (r.errmsg().isBlank() ? "" : ": " + r.errmsg()));
        }
        if (result instanceof ApiResult.Permanent p) {
            return SendResult.failed("errcode " + p.errcode() + (p.errmsg().isBlank() ? "" : ": " + p.errmsg()));
        }
        return SendResult.ok();
    }
}
