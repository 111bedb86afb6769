package io.duban.bot.status;

import io.duban.storage.model.ProgressReport;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One unit's part of a task: whether it leads, its latest accepted report, and a report the office returned that the
 * unit has not yet replaced (已退回).
 */
public record UnitPart(String unit, boolean lead, Optional<ProgressReport> latest, Optional<ProgressReport> returned) {

    public UnitPart(String unit, boolean lead, Optional<ProgressReport> latest) {
        this(unit, lead, latest, Optional.empty());
    }

    /** The unit's accepted figure, when its latest accepted report has one. */
    public OptionalInt percent() {
        return latest.map(ProgressReport::percent).orElse(OptionalInt.empty());
    }

    public boolean isReturned() {
        return returned.isPresent();
    }
}
