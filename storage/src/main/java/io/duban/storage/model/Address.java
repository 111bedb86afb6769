package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

/**
 * Where an outbound message goes, in the bot's own terms: a group chat, a person, or the conversation of an inbound
 * message (a reply). The transports decide which WeCom door serves each.
 */
public record Address(Kind kind, String value) {
    public enum Kind {
        GROUP("group"),
        PERSON("person"),
        REPLY("reply");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Kind fromKey(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown address kind " + key);
        }
    }

    public Address {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
    }

    public static Address group(String chatId) {
        return new Address(Kind.GROUP, chatId);
    }

    public static Address person(String userId) {
        return new Address(Kind.PERSON, userId);
    }

    /** A reply to the inbound message with this transport message id. */
    public static Address reply(String inboundMessageId) {
        return new Address(Kind.REPLY, inboundMessageId);
    }
}
