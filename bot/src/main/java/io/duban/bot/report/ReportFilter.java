package io.duban.bot.report;

import io.duban.storage.model.ProgressReport;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which effective reports count as "reported" when the bot asks who still owes a report. The office's review
 * plugs in here: a report it returned counts as missing until the unit resubmits.
 */
@FunctionalInterface
public interface ReportFilter {

    List<ProgressReport> countable(int planYear, List<ProgressReport> effective);

    /**
     * The ids this filter leaves out, when it decides by id alone ({@link #countable} keeps exactly the reports whose
     * id is not among them): lets a caller filter narrow rows ({@code ReportPoint}) the same way. Empty when the
     * filter needs whole reports; callers then read whole reports.
     */
    default Optional<Set<Long>> excludedIds(int planYear) {
        return Optional.empty();
    }

    /** Every effective report counts. */
    static ReportFilter all() {
        return new ReportFilter() {
            @Override
            public List<ProgressReport> countable(int planYear, List<ProgressReport> effective) {
                return effective;
            }

            @Override
            public Optional<Set<Long>> excludedIds(int planYear) {
                return Optional.of(Set.of());
            }
        };
    }
}
