package io.duban.bot.wecom.media;

import static java.util.Objects.requireNonNull;

import io.duban.bot.outbox.SendResult;

/** What an upload to WeCom came to: a media id to send, or why not (to retry later, or for good). */
public sealed interface MediaUpload {
    record Uploaded(String mediaId) implements MediaUpload {
        public Uploaded {
            requireNonNull(mediaId, "mediaId is null");
        }
    }

    /** Not uploaded; {@code why} is a {@link SendResult.Retry}, {@link SendResult.Unavailable} or Failed. */
    record NotUploaded(SendResult why) implements MediaUpload {
        public NotUploaded {
            requireNonNull(why, "why is null");
            if (why instanceof SendResult.Ok) {
                throw new IllegalArgumentException("an upload that failed cannot be Ok");
            }
        }
    }
}
