package io.duban.bot.message;

/** Decides which door carries a file into the conversation of an inbound message (built from the WeCom settings). */
@FunctionalInterface
public interface FileDoors {
    FileTarget forAnswerTo(InboundMessage message);

    /** No door at all (no WeCom configured): says so. */
    static FileDoors none(String explanation) {
        return message -> new FileTarget.Missing(explanation);
    }
}
