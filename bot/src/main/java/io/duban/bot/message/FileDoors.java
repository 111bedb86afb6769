package io.duban.bot.message;

/** Decides which door carries a file into the conversation of an inbound message (built from the WeCom settings). */
@FunctionalInterface
public interface FileDoors {
    FileTarget forAnswerTo(InboundMessage message);

    /**
     * The local terminal chat carries files itself, as its answers (it saves them and says where); messages from
     * every other transport go through {@code doors}.
     */
    static FileDoors withLocalChat(FileDoors doors) {
        return m -> InboundMessage.LOCAL_CHAT_TRANSPORT.equals(m.transport()) ? new FileTarget.AsReply()
                : doors.forAnswerTo(m);
    }

    /** No door at all (no WeCom configured): says so. */
    static FileDoors none(String explanation) {
        return message -> new FileTarget.Missing(explanation);
    }
}
