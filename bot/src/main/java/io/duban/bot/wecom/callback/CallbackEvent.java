package io.duban.bot.wecom.callback;

import static java.util.Objects.requireNonNull;

import io.duban.bot.message.InboundMessage;

/** What a decrypted callback turned out to be. {@code dedupeKey} identifies a delivery and its retries. */
sealed interface CallbackEvent {
    String dedupeKey();

    /** A message someone sent the bot (text, or an image, a file …): the engine answers it. */
    record Message(InboundMessage message) implements CallbackEvent {
        public Message {
            requireNonNull(message, "message is null");
        }

        @Override
        public String dedupeKey() {
            return message.messageId();
        }
    }

    /** An event the bot does not act on (entering the chat, a menu click …); acknowledged and logged. */
    record Ignored(String dedupeKey, String kind) implements CallbackEvent {
    }
}
