package io.duban.bot.wecom.media;

import io.duban.storage.MediaUploadRepository;
import io.duban.storage.model.FileContent;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reuses a media id while WeCom keeps it (three days; reused for {@value #REUSE_HOURS} hours to stay clear of the
 * end) and uploads again after. One cache per channel name ({@code webhook:<key hash>}, {@code aibot},
 * {@code app:<agentid>}), because a media id belongs to the robot or app that uploaded it.
 */
public final class MediaCache {
    static final int REUSE_HOURS = 71;

    private final MediaUploadRepository uploads;
    private final Clock clock;

    public MediaCache(MediaUploadRepository uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    /** The stored media id of this content on this channel, or {@code upload}'s result (remembered when it worked). */
    public MediaUpload mediaId(String channel, FileContent file, Supplier<MediaUpload> upload) {
        String sha = file.sha256();
        var reusable = uploads.find(channel, sha, clock.instant().minus(Duration.ofHours(REUSE_HOURS)));
        if (reusable.isPresent()) {
            return new MediaUpload.Uploaded(reusable.get());
        }
        MediaUpload fresh = upload.get();
        if (fresh instanceof MediaUpload.Uploaded u) {
            uploads.remember(channel, sha, u.mediaId(), clock.instant());
        }
        return fresh;
    }

    /** Forgets an id WeCom refused (e.g. errcode 40007, invalid media_id), so that the next send uploads again. */
    public void forget(String channel, FileContent file) {
        uploads.remember(channel, file.sha256(), "", clock.instant().minus(Duration.ofDays(365)));
    }
}
