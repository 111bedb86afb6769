package io.duban.bot.wecom.media;

import io.duban.bot.outbox.SendResult;
import io.duban.storage.model.FileContent;
import java.util.Optional;

/**
 * The two kinds of media the bot sends, with WeCom's limits on an upload: every file more than 5 bytes; a picture
 * (JPG/PNG) at most 2 MB, the limit of a webhook image message and well inside the other doors' 10 MB; a file at
 * most 20 MB.
 */
public enum MediaKind {
    IMAGE("image", 2L * 1024 * 1024),
    FILE("file", 20L * 1024 * 1024);

    public static final int MIN_BYTES = 6;

    private final String wireType;
    private final long maxBytes;

    MediaKind(String wireType, long maxBytes) {
        this.wireType = wireType;
        this.maxBytes = maxBytes;
    }

    /** {@code image} or {@code file}: the {@code type} of the upload and the {@code msgtype} of the message. */
    public String wireType() {
        return wireType;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Why this content cannot be uploaded as this kind, if it cannot. */
    public Optional<SendResult> refuse(FileContent file) {
        int size = file.bytes().length;
        if (size < MIN_BYTES) {
            return Optional.of(SendResult.failed(file.fileName() + " is " + size + " bytes; WeCom needs more than 5"));
        }
        if (size > maxBytes) {
            return Optional.of(SendResult.failed(file.fileName() + " is " + size + " bytes; a WeCom " + wireType
                    + " may have at most " + maxBytes));
        }
        return Optional.empty();
    }
}
