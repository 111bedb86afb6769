package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.ClosureAction;
import io.duban.storage.model.ClosureEvent;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReportStatus;
import io.duban.storage.model.ReviewDecision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's desk tables (V004): review decisions and closure steps, append-only, latest row counts. Runs on a
 * SQLite file; {@code PostgresDeskRepositoryTest} runs the same on PostgreSQL.
 */
class DeskRepositoryTest {
    private static final Instant AT = Instant.parse("2023-10-09T01:00:00Z");

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
        if (storage != null) { // null when PostgreSQL is not configured and the test was skipped
            storage.close();
        }
    }

    private ProgressReport report(int year, int task, String unit) {
        return storage.reports().append(new NewReport(year, task, unit, "u1", Optional.empty(), ReportKind.REPORT,
                Optional.empty(), Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(50), "进展", "", "",
                OptionalInt.empty(), OptionalInt.empty(), "2023-W41", AT));
    }

    private ReportReview review(ProgressReport r, ReviewDecision d, String reason, int minute) {
        return storage.reviews().record(new ReportReview(0, r.id(), d, reason, "admin", Optional.empty(),
                AT.plusSeconds(60L * minute)));
    }

    @Test
    void theLatestDecisionOnAReportCounts_andReturnedIdsFollowIt() {
        ProgressReport a = report(2023, 12, "农管科");
        ProgressReport b = report(2023, 12, "农技中心");
        ProgressReport other = report(2024, 12, "农管科");
        review(a, ReviewDecision.RETURNED, "请补充采购金额", 1);
        review(b, ReviewDecision.RETURNED, "缺数据", 2);
        ReportReview passed = review(b, ReviewDecision.PASSED, "", 3);
        review(other, ReviewDecision.RETURNED, "别的年度", 4);

        assertThat(passed.id()).isPositive();
        assertThat(storage.reviews().latest(b.id())).hasValue(passed);
        assertThat(storage.reviews().latest(report(2023, 13, "办公室").id())).isEmpty();
        assertThat(storage.reviews().returnedReportIds(2023)).containsExactly(a.id());
        assertThat(storage.reviews().latestDecisions(2023)).extracting(ReportReview::reportId, ReportReview::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id(), ReviewDecision.RETURNED),
                        org.assertj.core.groups.Tuple.tuple(b.id(), ReviewDecision.PASSED));
        assertThat(storage.reviews().all(2023)).hasSize(3);
        assertThat(storage.reviews().latest(a.id()).orElseThrow().reason()).isEqualTo("请补充采购金额");
    }

    @Test
    void aTaskIsClosedWhenItsLatestStepIsAnApproval() {
        ClosureRepository closures = storage.closures();
        closures.append(step(12, ClosureAction.REQUESTED, "全部项目已验收", 1));
        assertThat(closures.isClosed(2023, 12)).isFalse();
        closures.append(step(12, ClosureAction.RETURNED, "请补充验收材料", 2));
        closures.append(step(12, ClosureAction.REQUESTED, "附验收报告", 3));
        ClosureEvent approved = closures.append(step(12, ClosureAction.APPROVED, "", 4));
        closures.append(step(15, ClosureAction.REQUESTED, "已完成", 5));

        assertThat(closures.isClosed(2023, 12)).isTrue();
        assertThat(closures.isClosed(2023, 15)).isFalse();
        assertThat(closures.isClosed(2024, 12)).isFalse();
        assertThat(closures.latest(2023, 12)).hasValue(approved);
        assertThat(closures.latestPerTask(2023)).extracting(ClosureEvent::taskNumber, ClosureEvent::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12, ClosureAction.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(15, ClosureAction.REQUESTED));
        assertThat(closures.all(2023)).extracting(ClosureEvent::note)
                .containsExactly("全部项目已验收", "请补充验收材料", "附验收报告", "", "已完成");
    }

    private static ClosureEvent step(int task, ClosureAction action, String note, int minute) {
        return new ClosureEvent(0, 2023, task, action, "农管科", "liuyang", note, Optional.empty(),
                AT.plusSeconds(60L * minute));
    }
}
