package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against a real SQLite file; {@code PostgresReportRepositoryTest} runs the same against PostgreSQL. */
class ReportRepositoryTest {
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

    static NewReport report(int task, String unit, int percent, String week, ReportKind kind, Long supersedes) {
        return new NewReport(2023, task, unit, "u1", Optional.empty(), kind, Optional.ofNullable(supersedes),
                kind == ReportKind.WITHDRAWAL ? Optional.empty() : Optional.of(ReportStatus.IN_PROGRESS),
                kind == ReportKind.WITHDRAWAL ? OptionalInt.empty() : OptionalInt.of(percent),
                "进展" + percent, "", "", OptionalInt.empty(), OptionalInt.empty(), week,
                Instant.parse("2023-10-09T01:00:00Z"));
    }

    /** The row mapper matches columns to the record by name: every field comes back as written, present or not. */
    @Test
    void everyField_comesBackAsWritten_presentOrAbsent() {
        ReportRepository reports = storage.reports();
        Instant at = Instant.parse("2023-10-12T08:30:15.123Z");
        ProgressReport first = reports.append(new NewReport(2023, 16, "农管科", "liuyang", Optional.empty(),
                ReportKind.REPORT, Optional.empty(), Optional.empty(), OptionalInt.empty(), "", "", "",
                OptionalInt.empty(), OptionalInt.empty(), "2023-W41", at, true));
        ProgressReport full = reports.append(new NewReport(2023, 16, "农管科", "liuyang", Optional.empty(),
                ReportKind.CORRECTION, Optional.of(first.id()), Optional.of(ReportStatus.DONE), OptionalInt.of(100),
                "已完成", "冷链成本高", "总结", OptionalInt.of(12), OptionalInt.of(40), "2023-W41", at.plusSeconds(60),
                false));
        for (ProgressReport r : java.util.List.of(first, reports.find(first.id()).orElseThrow())) {
            assertThat(r).isEqualTo(new ProgressReport(first.id(), 2023, 16, "农管科", "liuyang", Optional.empty(),
                    ReportKind.REPORT, Optional.empty(), Optional.empty(), OptionalInt.empty(), "", "", "",
                    OptionalInt.empty(), OptionalInt.empty(), "2023-W41", at, true));
        }
        for (ProgressReport r : java.util.List.of(full, reports.find(full.id()).orElseThrow(),
                reports.latestEffective(2023, 16, "农管科").orElseThrow())) {
            assertThat(r).isEqualTo(new ProgressReport(full.id(), 2023, 16, "农管科", "liuyang", Optional.empty(),
                    ReportKind.CORRECTION, Optional.of(first.id()), Optional.of(ReportStatus.DONE), OptionalInt.of(100),
                    "已完成", "冷链成本高", "总结", OptionalInt.of(12), OptionalInt.of(40), "2023-W41",
                    at.plusSeconds(60), false));
        }
    }

    @Test
    void aCorrection_replacesTheReport_andTheHistoryKeepsBoth() {
        ReportRepository reports = storage.reports();
        ProgressReport first = reports.append(report(12, "农管科", 60, "2023-W41", ReportKind.REPORT, null));
        ProgressReport fix = reports.append(report(12, "农管科", 65, "2023-W41", ReportKind.CORRECTION, first.id()));
        assertThat(reports.latestEffective(2023, 12, "农管科")).map(ProgressReport::id).contains(fix.id());
        assertThat(reports.history(2023, 12)).extracting(ProgressReport::id).containsExactly(first.id(), fix.id());
        assertThat(reports.effectiveInWeek(2023, "2023-W41")).extracting(ProgressReport::id).containsExactly(fix.id());
    }

    @Test
    void aWithdrawal_bringsBackTheReportBefore() {
        ReportRepository reports = storage.reports();
        ProgressReport w40 = reports.append(report(12, "农管科", 40, "2023-W40", ReportKind.REPORT, null));
        ProgressReport w41 = reports.append(report(12, "农管科", 60, "2023-W41", ReportKind.REPORT, null));
        reports.append(report(12, "农管科", 0, "2023-W41", ReportKind.WITHDRAWAL, w41.id()));
        assertThat(reports.latestEffective(2023, 12, "农管科")).map(ProgressReport::id).contains(w40.id());
        assertThat(reports.latestEffective(2023)).extracting(ProgressReport::id).containsExactly(w40.id());
        assertThat(reports.effectiveInWeek(2023, "2023-W41")).isEmpty();
        assertThat(reports.history(2023, 12)).hasSize(3);
        assertThat(reports.allEffective(2023)).extracting(ProgressReport::id).containsExactly(w40.id());
    }

    @Test
    void aReportCanBeReplacedOnlyOnce() {
        ReportRepository reports = storage.reports();
        ProgressReport first = reports.append(report(12, "农管科", 60, "2023-W41", ReportKind.REPORT, null));
        reports.append(report(12, "农管科", 65, "2023-W41", ReportKind.CORRECTION, first.id()));
        assertThatThrownBy(() -> reports.append(report(12, "农管科", 70, "2023-W41", ReportKind.CORRECTION, first.id())))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void latestEffective_perTaskAndUnit() {
        ReportRepository reports = storage.reports();
        reports.append(report(12, "农管科", 10, "2023-W40", ReportKind.REPORT, null));
        ProgressReport a = reports.append(report(12, "农管科", 20, "2023-W41", ReportKind.REPORT, null));
        ProgressReport b = reports.append(report(12, "集指科", 30, "2023-W41", ReportKind.REPORT, null));
        ProgressReport c = reports.append(report(15, "农管科", 50, "2023-W41", ReportKind.REPORT, null));
        assertThat(reports.latestEffective(2023)).extracting(ProgressReport::id)
                .containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(reports.latestEffective(2024)).isEmpty();
    }

    @Test
    void latestEffectiveAsOf_isWhereEachUnitStoodThen() {
        ReportRepository reports = storage.reports();
        Instant monday = Instant.parse("2023-10-09T00:00:00Z");
        ProgressReport before = reports.append(at(report(12, "农管科", 50, "2023-W40", ReportKind.REPORT, null),
                monday.minusSeconds(3600)));
        reports.append(at(report(12, "农管科", 60, "2023-W41", ReportKind.REPORT, null), monday.plusSeconds(3600)));
        ProgressReport other = reports.append(at(report(12, "集指科", 30, "2023-W40", ReportKind.REPORT, null),
                monday.minusSeconds(7200)));
        reports.append(at(report(12, "集指科", 0, "2023-W41", ReportKind.WITHDRAWAL, other.id()),
                monday.plusSeconds(60)));
        // 集指科's report was withdrawn later: as we know it now, it did not count then either
        assertThat(reports.latestEffectiveAsOf(2023, monday)).extracting(ProgressReport::id)
                .containsExactly(before.id());
        assertThat(reports.latestEffectiveAsOf(2023, monday.minusSeconds(86400))).isEmpty();
    }

    private static NewReport at(NewReport r, Instant when) {
        return new NewReport(r.planYear(), r.taskNumber(), r.unit(), r.reporterId(), r.inboundId(), r.kind(),
                r.supersedesId(), r.status(), r.percent(), r.progress(), r.problems(), r.nextSteps(),
                r.kpiNumerator(), r.kpiDenominator(), r.reportWeek(), when);
    }

    @Test
    void aRepeatedInboundMessageId_isStoredOnce() {
        InboundRecord m = new InboundRecord("msg-1", "test", "liuyang", Optional.of("chat"), "group", "12 60% x",
                Optional.empty(), Instant.parse("2023-10-09T01:00:00Z"));
        assertThat(storage.inbound().recordIfNew(m)).isPresent();
        assertThat(storage.inbound().recordIfNew(m)).isEmpty();
        assertThat(storage.inbound().count()).isEqualTo(1);
    }

    @Test
    void dataSurviveReopening() {
        storage.reports().append(report(12, "农管科", 60, "2023-W41", ReportKind.REPORT, null));
        storage.close();
        Storage again = open();
        assertThat(again.reports().latestEffective(2023)).hasSize(1);
    }
}
