package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An inbound message as stored: its row id, what arrived, and — once it has been answered — when and how
 * ({@code outcome} such as {@code command:报送}, {@code error:internal}, {@code expired}).
 */
public record StoredInbound(long id, InboundRecord message, Optional<Instant> handledAt, Optional<String> outcome) {
    public StoredInbound {
        requireNonNull(message, "message is null");
        requireNonNull(handledAt, "handledAt is null");
        requireNonNull(outcome, "outcome is null");
    }

    public boolean answered() {
        return handledAt.isPresent();
    }
}
