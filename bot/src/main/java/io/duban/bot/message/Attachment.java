package io.duban.bot.message;

import static java.util.Objects.requireNonNull;

/**
 * A file or picture sent with an answer, and the door that carries it ({@link FileTarget}): the answer's own
 * conversation, or the group's webhook robot, or the app's private chat with the asker.
 */
public record Attachment(Kind kind, String fileName, byte[] bytes, FileTarget target) {
    public enum Kind {
        IMAGE,
        FILE
    }

    public Attachment {
        requireNonNull(kind, "kind is null");
        requireNonNull(fileName, "fileName is null");
        requireNonNull(bytes, "bytes is null");
        requireNonNull(target, "target is null");
        if (target instanceof FileTarget.Missing) {
            throw new IllegalArgumentException("an attachment needs a door that carries files");
        }
    }
}
