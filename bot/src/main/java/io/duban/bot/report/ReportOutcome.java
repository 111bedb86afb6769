package io.duban.bot.report;

import io.duban.storage.model.ProgressReport;
import java.util.List;
import java.util.OptionalInt;

/** What became of one report in a message: stored, recognised as a repeat, or not stored and why. */
public sealed interface ReportOutcome {
    /**
     * @param keptPercent     the person wrote no percent; the last one stands
     * @param previousPercent the unit's percent before this report, if it had one
     * @param notes           what else the report recorded, for the answer (already escaped), e.g. metric figures
     */
    record Stored(ProgressReport report, boolean keptPercent, OptionalInt previousPercent, List<String> notes)
            implements ReportOutcome {
        public Stored {
            notes = List.copyOf(notes);
        }

        /** Whether the new percent is lower than the one before (stored as written, with a warning). */
        public boolean isLower() {
            return previousPercent.isPresent() && report.percent().isPresent()
                    && previousPercent.getAsInt() > report.percent().getAsInt();
        }
    }

    /** The same person sent the same report on the task a moment ago; nothing new is stored. */
    record Repeated(ProgressReport earlier) implements ReportOutcome {
    }

    /** @param source the part of the message, as written; @param refusal why */
    record NotStored(String source, Refusal refusal) implements ReportOutcome {
    }
}
