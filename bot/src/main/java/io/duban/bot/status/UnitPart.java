package io.duban.bot.status;

import io.duban.storage.model.ProgressReport;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One unit's part of a task: whether it leads, its latest accepted report, a report the office returned that the
 * unit has not yet replaced, and its accepted report as it stood at the board's baseline (a week earlier), so that a
 * change is always the unit compared with itself.
 */
public record UnitPart(String unit, boolean lead, Optional<ProgressReport> latest, Optional<ProgressReport> returned,
                       Optional<ProgressReport> atBaseline) {

    public UnitPart(String unit, boolean lead, Optional<ProgressReport> latest) {
        this(unit, lead, latest, Optional.empty(), Optional.empty());
    }

    /** The unit's accepted figure, when its latest accepted report has one. */
    public OptionalInt percent() {
        return latest.map(ProgressReport::percent).orElse(OptionalInt.empty());
    }

    /** Change of the unit's own figure since the baseline; empty when it had no figure then (新报) or has none now. */
    public OptionalInt change() {
        OptionalInt now = percent();
        OptionalInt then = atBaseline.map(ProgressReport::percent).orElse(OptionalInt.empty());
        return now.isPresent() && then.isPresent() ? OptionalInt.of(now.getAsInt() - then.getAsInt())
                : OptionalInt.empty();
    }

    /** Reported (accepted) since the baseline for the first time. */
    public boolean isNew() {
        return latest.isPresent() && atBaseline.isEmpty();
    }

    public boolean isReturned() {
        return returned.isPresent();
    }
}
