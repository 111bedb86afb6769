package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintained {@code current_report} table answers exactly what the definition says: for each (task, unit) the
 * newest row that is not a withdrawal and that no later row replaces. Checked against that definition written as a
 * plain query, over a random history of reports, corrections and withdrawals.
 */
class CurrentReportTest {
    @TempDir
    Path dir;

    protected Storage open() {
        return Storage.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    @Test
    void theMaintainedTable_matchesTheDefinition_overARandomHistory() {
        try (Storage storage = open()) {
            Random random = new Random(13);
            List<String> units = List.of("农管科", "集指科", "农技中心");
            for (int i = 0; i < 600; i++) {
                int task = 1 + random.nextInt(6);
                String unit = units.get(random.nextInt(units.size()));
                var latest = storage.reports().latestEffective(2023, task, unit);
                int dice = random.nextInt(10);
                if (latest.isPresent() && dice < 2) {
                    storage.reports().append(ReportRepositoryTest.report(task, unit, 0, "2023-W41",
                            ReportKind.WITHDRAWAL, latest.get().id()));
                } else if (latest.isPresent() && dice < 4) {
                    storage.reports().append(ReportRepositoryTest.report(task, unit, random.nextInt(101), "2023-W41",
                            ReportKind.CORRECTION, latest.get().id()));
                } else {
                    storage.reports().append(ReportRepositoryTest.report(task, unit, random.nextInt(101), "2023-W41",
                            ReportKind.REPORT, null));
                }
            }
            List<Long> byDefinition = storage.database().jdbi().withHandle(h -> h.createQuery("""
                            SELECT MAX(r.id) FROM progress_report r
                            WHERE r.plan_year = 2023 AND r.kind <> 'withdrawal'
                              AND NOT EXISTS (SELECT 1 FROM progress_report s WHERE s.supersedes_id = r.id)
                            GROUP BY r.task_number, r.unit ORDER BY r.task_number, r.unit""")
                    .mapTo(Long.class).list());
            List<Long> maintained = new ArrayList<>(storage.reports().latestEffective(2023).stream()
                    .map(ProgressReport::id).toList());
            assertThat(byDefinition).isNotEmpty();
            assertThat(maintained).isEqualTo(byDefinition);
        }
    }
}
