package io.duban.bot.wecom.callback;

/**
 * A request the callback refuses with a 4xx. The reason is written to the log as it is, so it never holds a token,
 * key, signature or message content.
 */
final class CallbackRejection extends RuntimeException {
    private final int status;

    CallbackRejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static CallbackRejection badRequest(String reason) {
        return new CallbackRejection(400, reason);
    }
}
