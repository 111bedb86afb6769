package io.duban.bot.report;

import io.duban.storage.model.ProgressReport;
import java.util.List;
import java.util.Optional;

/** What a withdrawal came to; the withdraw command turns it into words. */
public sealed interface WithdrawResult {

    record Refused(Refusal refusal) implements WithdrawResult {
    }

    /** The unit has no effective report on the task to withdraw. */
    record NothingToWithdraw(String unit, int number) implements WithdrawResult {
    }

    /** @param now the report that counts again, if any; @param notes what else changed */
    record Withdrawn(String unit, ProgressReport withdrawn, Optional<ProgressReport> now, List<String> notes)
            implements WithdrawResult {
        public Withdrawn {
            notes = List.copyOf(notes);
        }
    }
}
