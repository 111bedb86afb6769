package io.duban.bot.wecom;

import io.duban.bot.outbox.SendResult;

/** What a WeCom errcode means for a message: sent, worth retrying, or failed for good. */
public final class WeComErrors {
    public static final int SYSTEM_BUSY = -1;
    public static final int FREQ_OUT_OF_LIMIT = 45009;
    public static final int INVALID_WEBHOOK = 93000;
    public static final int INVALID_MSGTYPE = 40008;
    public static final int EMPTY_CONTENT = 44004;
    public static final int CONTENT_TOO_LONG = 45002;
    public static final int INVALID_REQ_ID = 846605;
    public static final int STREAM_EXPIRED = 846608;

    private WeComErrors() {
    }

    public static SendResult classify(int errcode, String errmsg) {
        String reason = "errcode " + errcode + (errmsg == null || errmsg.isBlank() ? "" : ": " + errmsg);
        return switch (errcode) {
            case 0 -> SendResult.ok();
            case SYSTEM_BUSY, FREQ_OUT_OF_LIMIT -> SendResult.retry(reason);
            case INVALID_WEBHOOK -> SendResult.failed(reason + "（webhook 地址无效，请检查该群的 webhook key）");
            case INVALID_MSGTYPE, EMPTY_CONTENT, CONTENT_TOO_LONG -> SendResult.failed(reason);
            default -> SendResult.failed(reason);
        };
    }
}
