package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import io.duban.storage.model.ReportingChange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "No change" report rows and admins' reporting changes, on SQLite; the Postgres subclass runs the same. */
class ReportingChangeRepositoryTest {
    @TempDir
    Path dir;
    Storage storage;

    protected Storage open() {
        return Storage.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    @BeforeEach
    void setUp() {
        storage = open();
    }

    @AfterEach
    void tearDown() {
        if (storage != null) {
            storage.close();
        }
    }

    private static ReportingChange change(int task, String cadence, boolean owe, String by, String at) {
        return new ReportingChange(0, 2023, task, cadence, 0, List.of(), owe, by, Optional.empty(), Instant.parse(at));
    }

    @Test
    void theLatestChangeOfEachTaskCounts_andEveryChangeIsKeptWithWhoAndWhen() {
        ReportingChangeRepository changes = storage.reportingChanges();
        changes.append(change(12, "biweekly", false, "zhouhui", "2023-10-09T02:00:00Z"));
        ReportingChange later = changes.append(change(12, "monthly", true, "lizhiguo", "2023-10-10T02:00:00Z"));
        changes.append(new ReportingChange(0, 2023, 16, "before-holidays", 0, List.of("春节", "国庆"), true, "zhouhui",
                Optional.empty(), Instant.parse("2023-10-10T03:00:00Z")));
        changes.append(new ReportingChange(0, 2024, 12, "weekly", 0, List.of(), false, "zhouhui", Optional.empty(),
                Instant.parse("2024-01-10T02:00:00Z")));

        List<ReportingChange> latest = changes.latestPerTask(2023);
        assertThat(latest).extracting(ReportingChange::taskNumber).containsExactly(12, 16);
        assertThat(latest.get(0).id()).isEqualTo(later.id());
        assertThat(latest.get(0).cadence()).isEqualTo("monthly");
        assertThat(latest.get(0).responsibleOwe()).isTrue();
        assertThat(latest.get(0).changedBy()).isEqualTo("lizhiguo");
        assertThat(latest.get(0).changedAt()).isEqualTo(Instant.parse("2023-10-10T02:00:00Z"));
        assertThat(latest.get(1).holidays()).containsExactly("春节", "国庆");
        assertThat(changes.history(2023, 12)).extracting(ReportingChange::changedBy).containsExactly("zhouhui", "lizhiguo");
        assertThat(changes.latestPerTask(2024)).hasSize(1);
    }

    @Test
    void aNoChangeEntry_isStoredAsSuch_andOrdinaryReportsAreNot() {
        Instant at = Instant.parse("2023-10-09T01:00:00Z");
        ProgressReport plain = storage.reports().append(new NewReport(2023, 12, "农管科", "u1", Optional.empty(),
                ReportKind.REPORT, Optional.empty(), Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(60), "进展",
                "", "", OptionalInt.empty(), OptionalInt.empty(), "2023-W41", at));
        ProgressReport same = storage.reports().append(new NewReport(2023, 12, "农管科", "u1", Optional.empty(),
                ReportKind.REPORT, Optional.empty(), Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(60), "",
                "", "", OptionalInt.empty(), OptionalInt.empty(), "2023-W42", at.plusSeconds(7 * 86400), true));
        assertThat(plain.noChange()).isFalse();
        assertThat(same.noChange()).isTrue();
        assertThat(storage.reports().latestEffective(2023, 12, "农管科")).map(ProgressReport::noChange).contains(true);
    }
}
