package io.duban.bot.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the bot answers. The text is plain Chinese text with line breaks; user text inside it is already escaped.
 * {@code mentions} are userids the transport should @-mention with the answer.
 */
public record Reply(String text, List<String> mentions) {
    public Reply {
        requireNonNull(text, "text is null");
        mentions = List.copyOf(mentions);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of());
    }
}
