package io.duban.bot.report;

import io.duban.storage.model.ProgressReport;
import java.util.List;

/** What a correction came to; the correct command turns it into words. */
public sealed interface CorrectResult {

    record Refused(Refusal refusal) implements CorrectResult {
    }

    /** The unit has no effective report on the task to correct. */
    record NothingToCorrect(String unit, int number) implements CorrectResult {
    }

    /** @param replaced the report corrected (kept in the history); @param notes what else was recorded */
    record Corrected(String unit, ProgressReport replaced, ProgressReport stored, List<String> notes)
            implements CorrectResult {
        public Corrected {
            notes = List.copyOf(notes);
        }
    }
}
