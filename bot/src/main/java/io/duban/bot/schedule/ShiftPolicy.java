package io.duban.bot.schedule;

import java.util.Optional;

/** What happens to a run whose day is not a working day. */
public enum ShiftPolicy {
    /** Move to the previous working day (the default: a reminder early rather than late). */
    PREVIOUS("previous"),
    /** Move to the next working day. */
    NEXT("next"),
    /** Do not run. */
    SKIP("skip");

    private final String key;

    ShiftPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ShiftPolicy> parse(String s) {
        for (ShiftPolicy p : values()) {
            if (p.key.equalsIgnoreCase(s.strip())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
