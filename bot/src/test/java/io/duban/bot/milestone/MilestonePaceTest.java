package io.duban.bot.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.status.StatusBoard;
import io.duban.plan.Milestone;
import io.duban.plan.PlanTask;
import io.duban.plan.TaskMeasures;
import io.duban.plan.WorkPlan;
import io.duban.plan.PlanArea;
import io.duban.storage.model.MilestoneEdit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MilestonePaceTest {
    static final LocalDate START = LocalDate.of(2023, 7, 28);
    static final LocalDate END = LocalDate.of(2023, 12, 31);

    static TaskMilestone m(String date, String text, Integer percent) {
        return TaskMilestone.fromPlan(new Milestone(LocalDate.parse(date), text,
                percent == null ? OptionalInt.empty() : OptionalInt.of(percent)));
    }

    @Test
    void withoutMilestones_theExpectedPercentIsTheStraightLine_onEveryDay() {
        for (LocalDate d = START.minusDays(3); d.isBefore(END.plusDays(3)); d = d.plusDays(1)) {
            assertThat(MilestonePace.expected(List.of(), START, END, d))
                    .as(d.toString()).isEqualTo(StatusBoard.expectedPercent(START, END, d));
        }
    }

    @Test
    void aMilestoneWithAPercent_bendsTheLineThroughIt() {
        List<Milestone> ms = List.of(new Milestone(LocalDate.of(2023, 8, 31), "完成采购计划", OptionalInt.of(60)));
        assertThat(MilestonePace.expected(ms, START, END, LocalDate.of(2023, 8, 31))).isEqualTo(60);
        // halfway from 7-28 (0%) to 8-31 (60%), 17 of 34 days
        assertThat(MilestonePace.expected(ms, START, END, LocalDate.of(2023, 8, 14))).isEqualTo(30);
        // after it: from 60% on 8-31 to 100% on 12-31 (122 days); 61 days in → 80%
        assertThat(MilestonePace.expected(ms, START, END, LocalDate.of(2023, 10, 31))).isEqualTo(80);
        // a milestone without a percent leaves the line alone
        List<Milestone> textOnly = List.of(new Milestone(LocalDate.of(2023, 8, 31), "开会", OptionalInt.empty()));
        assertThat(MilestonePace.expected(textOnly, START, END, LocalDate.of(2023, 10, 31)))
                .isEqualTo(StatusBoard.expectedPercent(START, END, LocalDate.of(2023, 10, 31)));
    }

    @Test
    void aPassedMilestone_isMissedUntilItsPercentIsReachedOrItIsConfirmed_andTheNextOneIsTheFirstUnmetAhead() {
        List<TaskMilestone> ms = List.of(m("2023-09-30", "完成工会采购计划", 30), m("2023-10-31", "完成产销对接会", null),
                m("2023-11-30", "完成节日采购", 80));
        LocalDate nov2 = LocalDate.of(2023, 11, 2);
        MilestonePace.Pace pace = MilestonePace.of(ms, START, END, nov2, 25);
        assertThat(pace.missed()).extracting(t -> t.milestone().text()).containsExactly("完成工会采购计划", "完成产销对接会");
        assertThat(pace.missedReason(25)).contains("未按期达成节点：9月30日 完成工会采购计划（30%），当前进度 25%（另有 1 个节点未达成）");
        assertThat(pace.next()).map(t -> t.milestone().text()).contains("完成节日采购");

        MilestonePace.Pace caughtUp = MilestonePace.of(ms, START, END, nov2, 35);
        assertThat(caughtUp.missed()).extracting(t -> t.milestone().text()).containsExactly("完成产销对接会");

        TaskMilestone confirmed = new TaskMilestone(ms.get(1).milestone(), Optional.empty(), Optional.empty(),
                Optional.of(Instant.parse("2023-10-30T08:00:00Z")));
        MilestonePace.Pace allMet = MilestonePace.of(List.of(ms.get(0), confirmed, ms.get(2)), START, END, nov2, 35);
        assertThat(allMet.missed()).isEmpty();
        assertThat(allMet.missedReason(35)).isEmpty();

        // on the milestone's own day it is not missed yet; it is the next one
        MilestonePace.Pace onTheDay = MilestonePace.of(ms, START, END, LocalDate.of(2023, 9, 30), 10);
        assertThat(onTheDay.missed()).isEmpty();
        assertThat(onTheDay.next()).map(t -> t.milestone().text()).contains("完成工会采购计划");
    }

    @Test
    void chatEdits_addMoveAndConfirm_inOrder_andOnlyThoseMadeByTheMomentCount() {
        PlanTask task = new PlanTask(12, 3, "助力乡村振兴方面", "推动产业发展", List.of("农管科"), List.of("农技中心"), END,
                Optional.empty(), new TaskMeasures(List.of(new Milestone(LocalDate.of(2023, 9, 30), "完成调研",
                OptionalInt.empty())), List.of()));
        WorkPlan plan = new WorkPlan(2023, "计划", "", START, END, List.of(new PlanArea(3, "助力乡村振兴方面",
                List.of(task))));
        Instant t1 = Instant.parse("2023-10-09T02:00:00Z");
        List<MilestoneEdit> edits = List.of(
                new MilestoneEdit(1, 2023, 12, MilestoneEdit.Action.SET, LocalDate.of(2023, 10, 31), "完成产销对接会",
                        OptionalInt.of(60), "admin", Optional.empty(), t1),
                new MilestoneEdit(2, 2023, 12, MilestoneEdit.Action.SET, LocalDate.of(2023, 10, 15), "完成调研",
                        OptionalInt.empty(), "admin", Optional.empty(), t1.plusSeconds(60)),
                new MilestoneEdit(3, 2023, 12, MilestoneEdit.Action.REACHED, LocalDate.of(2023, 10, 15), "完成调研",
                        OptionalInt.empty(), "lead", Optional.empty(), t1.plusSeconds(120)),
                new MilestoneEdit(4, 2023, 13, MilestoneEdit.Action.SET, LocalDate.of(2023, 11, 1), "别的任务",
                        OptionalInt.empty(), "admin", Optional.empty(), t1));
        MilestoneBook now = MilestoneBook.of(plan, edits, t1.plusSeconds(3600));
        assertThat(now.of(task)).extracting(m -> m.milestone().label(), m -> m.reachedAt().isPresent(),
                        m -> m.setBy().orElse("plan"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10月15日 完成调研", true, "admin"),
                        org.assertj.core.groups.Tuple.tuple("10月31日 完成产销对接会（60%）", false, "admin"));
        MilestoneBook before = MilestoneBook.of(plan, edits, t1.minusSeconds(1));
        assertThat(before.of(task)).extracting(m -> m.milestone().label()).containsExactly("9月30日 完成调研");
        assertThat(MilestoneBook.ofPlan(plan).of(task)).hasSize(1);
    }
}
