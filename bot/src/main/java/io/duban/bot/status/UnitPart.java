package io.duban.bot.status;

import io.duban.storage.model.ProgressReport;
import java.util.Optional;

/** One unit's part of a task: whether it leads, and its latest effective report. */
public record UnitPart(String unit, boolean lead, Optional<ProgressReport> latest) {
}
