package io.duban.bot.wecom.callback;

import static java.util.Objects.requireNonNull;

import io.duban.bot.engine.InboundMessage;
import java.util.Optional;

/** What a decrypted callback turned out to be. {@code dedupeKey} identifies a delivery and its retries. */
sealed interface CallbackEvent {
    String dedupeKey();

    /** A text someone said to the bot: the engine answers it. */
    record UserText(InboundMessage message, Optional<String> responseUrl) implements CallbackEvent {
        public UserText {
            requireNonNull(message, "message is null");
            requireNonNull(responseUrl, "responseUrl is null");
        }

        @Override
        public String dedupeKey() {
            return message.messageId();
        }
    }

    /**
     * A message the bot cannot read (an image, a file …): the sender is told politely what it understands.
     * {@code message} carries the sender and chat with an empty text.
     */
    record Unsupported(InboundMessage message, Optional<String> responseUrl, String kind) implements CallbackEvent {
        @Override
        public String dedupeKey() {
            return message.messageId();
        }
    }

    /** An event the bot does not act on (entering the chat, a menu click …); acknowledged and logged. */
    record Ignored(String dedupeKey, String kind) implements CallbackEvent {
    }
}
