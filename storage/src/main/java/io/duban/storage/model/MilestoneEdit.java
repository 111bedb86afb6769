package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A milestone (时间节点) set or confirmed reached in chat, with who and when; {@code id} is 0 before it is stored.
 * {@code SET} adds a milestone, or moves the one with the same text; {@code REACHED} confirms one was reached.
 */
public record MilestoneEdit(
        long id, int planYear, int taskNumber, Action action, LocalDate date, String text, OptionalInt percent,
        String personId, Optional<Long> inboundId, Instant at) {

    public enum Action {
        SET("set"),
        REACHED("reached");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Action fromKey(String key) {
            for (Action a : values()) {
                if (a.key.equals(key)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown milestone action " + key);
        }
    }

    public MilestoneEdit {
        requireNonNull(action, "action is null");
        requireNonNull(date, "date is null");
        requireNonNull(text, "text is null");
        requireNonNull(percent, "percent is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(inboundId, "inboundId is null");
        requireNonNull(at, "at is null");
    }
}
