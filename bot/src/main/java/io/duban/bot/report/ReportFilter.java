package io.duban.bot.report;

import io.duban.storage.model.ProgressReport;
import java.util.List;

/**
 * Which effective reports count as "reported" when the bot asks who still owes a report. The office's review
 * plugs in here: a report it returned counts as missing until the unit resubmits.
 */
@FunctionalInterface
public interface ReportFilter {

    List<ProgressReport> countable(int planYear, List<ProgressReport> effective);

    /** Every effective report counts. */
    static ReportFilter all() {
        return (year, effective) -> effective;
    }
}
