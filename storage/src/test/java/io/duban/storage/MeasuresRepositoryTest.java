package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.MetricTarget;
import io.duban.storage.model.MetricValue;
import io.duban.storage.model.MilestoneEdit;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProblemDecision;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProblemState;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The V020 tables: milestone edits, metric figures and targets, problem items and decisions. Runs on a SQLite
 * file; {@code PostgresMeasuresRepositoryTest} runs the same on PostgreSQL.
 */
class MeasuresRepositoryTest {
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
        if (storage != null) {
            storage.close();
        }
    }

    private ProgressReport report(int year, int task, String unit, String problems) {
        return storage.reports().append(new NewReport(year, task, unit, "u1", Optional.empty(), ReportKind.REPORT,
                Optional.empty(), Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(50), "进展", problems, "",
                OptionalInt.empty(), OptionalInt.empty(), "2023-W41", AT));
    }

    @Test
    void milestoneEdits_keepWhoAndWhen_inOrder_perYear() {
        storage.milestones().append(new MilestoneEdit(0, 2023, 12, MilestoneEdit.Action.SET, LocalDate.of(2023, 10, 31),
                "完成产销对接会", OptionalInt.of(60), "admin", Optional.empty(), AT));
        MilestoneEdit reached = storage.milestones().append(new MilestoneEdit(0, 2023, 12,
                MilestoneEdit.Action.REACHED, LocalDate.of(2023, 10, 30), "完成产销对接会", OptionalInt.empty(), "lead",
                Optional.empty(), AT.plusSeconds(60)));
        storage.milestones().append(new MilestoneEdit(0, 2024, 1, MilestoneEdit.Action.SET, LocalDate.of(2024, 3, 1),
                "other year", OptionalInt.empty(), "admin", Optional.empty(), AT));

        assertThat(storage.milestones().all(2023)).extracting(MilestoneEdit::action, MilestoneEdit::percent,
                        MilestoneEdit::personId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MilestoneEdit.Action.SET, OptionalInt.of(60), "admin"),
                        org.assertj.core.groups.Tuple.tuple(MilestoneEdit.Action.REACHED, OptionalInt.empty(), "lead"));
        assertThat(reached.at()).isEqualTo(AT.plusSeconds(60));
        assertThat(reached.date()).isEqualTo(LocalDate.of(2023, 10, 30));
    }

    @Test
    void metricValues_comeBackWithTheirReportsTaskUnitAndTime_andTargetsInOrder() {
        ProgressReport a = report(2023, 16, "委工会", "");
        ProgressReport b = report(2023, 15, "农管科", "");
        Map<String, Double> two = new LinkedHashMap<>();
        two.put("上架产品", 12.0);
        two.put("产销对接活动", 2.0);
        storage.metrics().addValues(a.id(), Map.of("采购金额", 12.5));
        storage.metrics().addValues(b.id(), two);
        storage.metrics().addValues(b.id(), Map.of());

        assertThat(storage.metrics().values(2023)).containsExactly(
                new MetricValue(a.id(), 2023, 16, "委工会", "采购金额", 12.5, AT),
                new MetricValue(b.id(), 2023, 15, "农管科", "上架产品", 12.0, AT),
                new MetricValue(b.id(), 2023, 15, "农管科", "产销对接活动", 2.0, AT));
        assertThat(storage.metrics().valuesOf(b.id())).containsExactly(Map.entry("上架产品", 12.0),
                Map.entry("产销对接活动", 2.0));
        assertThat(storage.metrics().values(2024)).isEmpty();

        // A correction replaces row a: its figure no longer counts; a withdrawal of b takes b's out too.
        ProgressReport c = storage.reports().append(new NewReport(2023, 16, "委工会", "u1", Optional.empty(),
                ReportKind.CORRECTION, Optional.of(a.id()), Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(50),
                "进展", "", "", OptionalInt.empty(), OptionalInt.empty(), "2023-W41", AT));
        storage.metrics().addValues(c.id(), Map.of("采购金额", 10.0));
        storage.reports().append(new NewReport(2023, 15, "农管科", "u1", Optional.empty(), ReportKind.WITHDRAWAL,
                Optional.of(b.id()), Optional.empty(), OptionalInt.empty(), "", "", "", OptionalInt.empty(),
                OptionalInt.empty(), "2023-W41", AT));
        assertThat(storage.metrics().effectiveValues(2023)).containsExactly(
                new MetricValue(c.id(), 2023, 16, "委工会", "采购金额", 10.0, AT));
        assertThat(storage.metrics().values(2023)).hasSize(4);
        assertThat(storage.metrics().effectiveValues(2023, 16)).hasSize(1);
        assertThat(storage.metrics().effectiveValues(2023, 15)).isEmpty();

        storage.metrics().setTarget(new MetricTarget(0, 2023, 16, "采购金额", 50, "admin", Optional.empty(), AT));
        MetricTarget later = storage.metrics().setTarget(
                new MetricTarget(0, 2023, 16, "采购金额", 60.5, "admin", Optional.empty(), AT.plusSeconds(5)));
        assertThat(storage.metrics().targets(2023)).extracting(MetricTarget::target).containsExactly(50.0, 60.5);
        assertThat(later.id()).isPositive();
    }

    @Test
    void aProblemItem_isMentioned_goesSilent_thenClosesOnce_andKeepsItsDecisions() {
        ProgressReport r1 = report(2023, 12, "农管科", "冷链成本高");
        ProblemItem item = storage.problems().create(new ProblemItem(0, 2023, 12, "农管科", "冷链成本高",
                Optional.of(r1.id()), AT, Optional.empty(), AT, 0, ProblemState.OPEN, Optional.empty(),
                Optional.empty(), "", Optional.of("2023-W41")));
        assertThat(item.id()).isPositive();
        assertThat(item.countedWeek()).contains("2023-W41");
        assertThat(item.lastReportId()).contains(r1.id());
        assertThat(storage.problems().open(2023, 12, "农管科")).containsExactly(item);

        storage.problems().silent(item.id(), 1, "2023-W42");
        assertThat(storage.problems().find(item.id()).orElseThrow().silentReports()).isEqualTo(1);
        assertThat(storage.problems().find(item.id()).orElseThrow().countedWeek()).contains("2023-W42");
        ProgressReport r2 = report(2023, 12, "农管科", "冷链成本高");
        storage.problems().mentioned(item.id(), r2.id(), AT.plusSeconds(3600), "2023-W43");
        ProblemItem again = storage.problems().find(item.id()).orElseThrow();
        assertThat(again.silentReports()).isZero();
        assertThat(again.lastReportId()).contains(r2.id());
        assertThat(again.lastMentionedAt()).isEqualTo(AT.plusSeconds(3600));
        assertThat(again.countedWeek()).contains("2023-W43");

        storage.problems().decide(new ProblemDecision(0, item.id(), LocalDate.of(2023, 10, 20), "专题会：协调冷链补贴",
                "admin", Optional.empty(), AT.plusSeconds(7200)));
        assertThat(storage.problems().decisions(2023)).extracting(ProblemDecision::decision)
                .containsExactly("专题会：协调冷链补贴");

        assertThat(storage.problems().close(item.id(), ProblemState.SOLVED, AT.plusSeconds(9000), "u9", "已协调"))
                .isTrue();
        assertThat(storage.problems().close(item.id(), ProblemState.LAPSED, AT.plusSeconds(9999), "bot", "")).isFalse();
        ProblemItem closed = storage.problems().find(item.id()).orElseThrow();
        assertThat(closed.state()).isEqualTo(ProblemState.SOLVED);
        assertThat(closed.closedBy()).contains("u9");
        assertThat(closed.closeNote()).isEqualTo("已协调");
        assertThat(closed.openAt(AT.plusSeconds(8999))).isTrue();
        assertThat(closed.openAt(AT.plusSeconds(9000))).isFalse();
        assertThat(storage.problems().open(2023, 12, "农管科")).isEmpty();
        assertThat(storage.problems().all(2023)).hasSize(1);
    }
}
