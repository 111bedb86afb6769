package io.duban.roster;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A WeCom group chat bound to a unit, or as the leaders' group. */
public record ChatBinding(String chatId, ChatKind kind, Optional<String> unit) {
    public ChatBinding {
        requireNonNull(chatId, "chatId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(unit, "unit is null");
        if (kind == ChatKind.UNIT && unit.isEmpty()) {
            throw new IllegalArgumentException("a unit chat needs a unit");
        }
    }

    public static ChatBinding unit(String chatId, String unit) {
        return new ChatBinding(chatId, ChatKind.UNIT, Optional.of(unit));
    }

    public static ChatBinding leaders(String chatId) {
        return new ChatBinding(chatId, ChatKind.LEADERS, Optional.empty());
    }
}
