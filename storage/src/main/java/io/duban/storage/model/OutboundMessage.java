package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A message the bot wants to send. {@code mentions} are userids to @-mention; {@code dedupeKey}, when given, makes
 * a second enqueue of the same message a no-op (a scheduled run, a reply to one inbound message).
 */
public record OutboundMessage(Address address, Format format, String content, List<String> mentions,
                              Optional<String> dedupeKey) {

    public enum Format {
        TEXT("text"),
        MARKDOWN("markdown"),
        IMAGE("image"),
        FILE("file");

        private final String key;

        Format(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Format fromKey(String key) {
            for (Format f : values()) {
                if (f.key.equals(key)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format " + key);
        }
    }

    public OutboundMessage {
        requireNonNull(address, "address is null");
        requireNonNull(format, "format is null");
        requireNonNull(content, "content is null");
        mentions = List.copyOf(mentions);
        requireNonNull(dedupeKey, "dedupeKey is null");
    }

    public static OutboundMessage markdown(Address address, String content, String dedupeKey) {
        return new OutboundMessage(address, Format.MARKDOWN, content, List.of(), Optional.ofNullable(dedupeKey));
    }

    /** A picture (PNG or JPG): the content is the image's base64. */
    public static OutboundMessage image(Address address, byte[] bytes, String dedupeKey) {
        return new OutboundMessage(address, Format.IMAGE, java.util.Base64.getEncoder().encodeToString(bytes),
                List.of(), Optional.ofNullable(dedupeKey));
    }

    /** A file: the content is {@link FileContent#encode} of its name and bytes. */
    public static OutboundMessage file(Address address, String fileName, byte[] bytes, String dedupeKey) {
        return new OutboundMessage(address, Format.FILE, new FileContent(fileName, bytes).encode(), List.of(),
                Optional.ofNullable(dedupeKey));
    }

    public static OutboundMessage text(Address address, String content, List<String> mentions, String dedupeKey) {
        return new OutboundMessage(address, Format.TEXT, content, mentions, Optional.ofNullable(dedupeKey));
    }
}
