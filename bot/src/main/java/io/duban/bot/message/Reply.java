package io.duban.bot.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the bot answers. The text is plain Chinese text with line breaks; user text inside it is already escaped.
 * {@code mentions} are userids the transport should @-mention with the answer; {@code attachments} are files and
 * pictures that follow the text into the chat (the 台账, the weekly chart).
 */
public record Reply(String text, List<String> mentions, List<Attachment> attachments) {
    public Reply {
        requireNonNull(text, "text is null");
        mentions = List.copyOf(mentions);
        attachments = List.copyOf(attachments);
    }

    public Reply(String text, List<String> mentions) {
        this(text, mentions, List.of());
    }

    public static Reply of(String text) {
        return new Reply(text, List.of());
    }

    /** The text, followed by a file or picture. */
    public static Reply withAttachment(String text, Attachment attachment) {
        return new Reply(text, List.of(), List.of(attachment));
    }
}
