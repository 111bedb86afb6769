package io.duban.bot.schedule;

import java.time.LocalDate;
import java.util.List;

/** Where a job's runs fall. */
interface Timing {
    /** The runs whose nominal day lies in [from, to], in time order. */
    List<PlannedRun> runs(String job, LocalDate from, LocalDate to);
}
