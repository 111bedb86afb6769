package io.duban.storage;

import java.time.Instant;
import java.util.Optional;

/** Media ids WeCom gave for uploaded files, by channel and file content, so that a valid id is reused. */
public interface MediaUploadRepository {

    /** The media id of this content on this channel uploaded at or after {@code notBefore}, if any. */
    Optional<String> find(String channel, String sha256, Instant notBefore);

    /** Remembers (or replaces) the media id of this content on this channel. */
    void remember(String channel, String sha256, String mediaId, Instant uploadedAt);
}
