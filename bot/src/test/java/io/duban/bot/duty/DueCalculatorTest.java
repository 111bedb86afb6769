package io.duban.bot.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.report.ReportingWeek;
import io.duban.calendar.CalendarFiles;
import io.duban.calendar.WorkCalendar;
import io.duban.config.ConfigDirectory;
import io.duban.plan.Cadence;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is due under the shipped 2023 plan and the real working calendar. */
class DueCalculatorTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static WorkPlan plan;
    static Organization org;
    static WorkCalendar calendar;
    DueCalculator due;
    final List<ProgressReport> reports = new ArrayList<>();
    final Set<Integer> closed = new HashSet<>();

    @BeforeAll
    static void load() {
        ConfigDirectory config = ConfigDirectory.load(Path.of("../config"), name -> null);
        plan = config.plans().get(2023);
        org = config.organization();
        calendar = CalendarFiles.load(Path.of("../config"), null, name -> null);
    }

    @BeforeEach
    void calculator() {
        due = new DueCalculator(plan, org, DutyRules.defaults(calendar, ZONE), (y, n) -> closed.contains(n));
    }

    private static PlanTask task(int n) {
        return plan.task(n).orElseThrow();
    }

    private static ReportingWeek week(String day) {
        return ReportingWeek.of(LocalDate.parse(day));
    }

    private void report(int task, String unit, String day, int percent) {
        reports.add(new ProgressReport(reports.size() + 1, 2023, task, unit, "u", Optional.empty(), ReportKind.REPORT,
                Optional.empty(), Optional.of(percent >= 100 ? ReportStatus.DONE : ReportStatus.IN_PROGRESS),
                OptionalInt.of(percent), "", "", "", OptionalInt.empty(), OptionalInt.empty(),
                week(day).toString(), LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant()));
    }

    private ReportFacts facts() {
        return ReportFacts.of(reports, ZONE);
    }

    private Set<String> pairs(List<Due> dues) {
        return dues.stream().map(d -> d.task().number() + " " + d.unit()).collect(Collectors.toSet());
    }

    @Test
    void theOldRule_askedEveryAssignedUnitForEveryTaskEveryWeek_148Reports() {
        int old = plan.tasks().stream().mapToInt(t -> org.assignedUnits(t).size()).sum();
        assertThat(old).isEqualTo(148);
    }

    @Test
    void inEveryWeekOfOctober2023_atMost30ReportsAreAsked_andNoUnitOwesMoreThan6() {
        for (ReportingWeek w = week("2023-10-02"); !w.monday().isAfter(LocalDate.of(2023, 10, 31)); w = w.next()) {
            List<Due> asked = due.askedIn(w);
            assertThat(asked.size()).as(w.toString()).isLessThanOrEqualTo(30);
            Map<String, Long> perUnit = asked.stream().collect(Collectors.groupingBy(Due::unit, Collectors.counting()));
            assertThat(perUnit.values()).as(w + " " + perUnit).allMatch(n -> n <= 6);
        }
    }

    @Test
    void overTheWholePlanPeriod_nothingIsAskedOfMoreThan6TasksInAWeek() {
        for (ReportingWeek w = week("2023-07-31"); !w.monday().isAfter(plan.deadline()); w = w.next()) {
            Map<String, Long> perUnit = due.askedIn(w).stream()
                    .collect(Collectors.groupingBy(Due::unit, Collectors.counting()));
            assertThat(perUnit.values()).as(w + " " + perUnit).allMatch(n -> n <= 6);
        }
    }

    @Test
    void contributorsAreNeverDue() {
        Set<String> owing = new HashSet<>();
        plan.tasks().forEach(t -> owing.addAll(org.owedBy(t).stream().map(u -> t.number() + " " + u).toList()));
        for (ReportingWeek w = week("2023-07-31"); !w.monday().isAfter(plan.deadline()); w = w.next()) {
            assertThat(owing).containsAll(pairs(due.due(w, ReportFacts.none())));
        }
        // 农技中心 contributes to 7, 12 and 15 and owes nothing
        assertThat(due.owedTasks("农技中心")).isEmpty();
        assertThat(due.owingUnits()).doesNotContain("农技中心", "农经站", "执法大队");
    }

    @Test
    void aWeeklyTask_isDueEveryWeek_untilReportedThatWeek() {
        ReportingWeek w42 = week("2023-10-16");
        assertThat(pairs(due.due(w42, facts()))).contains("15 农管科");
        report(15, "农管科", "2023-10-16", 40);
        assertThat(pairs(due.due(w42, facts()))).doesNotContain("15 农管科");
        assertThat(pairs(due.due(w42.next(), facts()))).contains("15 农管科");
    }

    @Test
    void aTwoLeadTask_needsBothLeads() {
        ReportingWeek w42 = week("2023-10-16");
        report(12, "农管科", "2023-10-17", 60);
        List<Due> left = due.due(w42, facts()).stream().filter(d -> d.task().number() == 12).toList();
        assertThat(left).extracting(Due::unit).containsExactly("集指科");
        report(12, "集指科", "2023-10-18", 55);
        assertThat(due.due(w42, facts())).noneMatch(d -> d.task().number() == 12);
    }

    @Test
    void aMonthlyTask_isDueOnceAMonth_andItsStalenessIsCountedInMonths() {
        PlanTask t17 = task(17);
        List<Period> periods = due.periods(t17);
        assertThat(periods).extracting(Period::key).containsExactly("2023-08", "2023-09", "2023-10", "2023-11", "2023-12");
        // asked once a month: in exactly one week of each month
        long weeksAsked = 0;
        for (ReportingWeek w = week("2023-10-02"); w.monday().getMonthValue() == 10; w = w.next()) {
            weeksAsked += due.askedIn(w).stream().filter(d -> d.task().number() == 17 && d.unit().equals("党群科")).count();
        }
        assertThat(weeksAsked).isEqualTo(1);
        report(17, "党群科", "2023-08-20", 20);
        report(17, "机关党支部", "2023-08-20", 20);
        report(17, "事业单位党支部", "2023-08-20", 20);
        // September missed: one month, not yet stale
        assertThat(due.missedInARow(t17, "党群科", LocalDate.of(2023, 10, 10), facts())).isEqualTo(1);
        assertThat(due.staleness(t17, LocalDate.of(2023, 10, 10), facts())).isEmpty();
        // September and October missed: stale, counted in months
        Optional<Staleness> stale = due.staleness(t17, LocalDate.of(2023, 11, 1), facts());
        assertThat(stale).isPresent();
        assertThat(stale.get().missed()).isEqualTo(2);
        assertThat(stale.get().reason()).endsWith("已连续 2 个月未报送");
        // a weekly task with the same silence would long be stale, in weeks
        report(15, "农管科", "2023-08-20", 20);
        assertThat(due.missedInARow(task(15), "农管科", LocalDate.of(2023, 11, 1), facts())).isEqualTo(10);
    }

    @Test
    void task16_isDueOnlyInTheWorkingDaysBeforeItsHolidays() {
        PlanTask t16 = task(16);
        assertThat(t16.cadence().kind()).isEqualTo(Cadence.Kind.BEFORE_HOLIDAYS);
        List<LocalDate> dueDays = new ArrayList<>();
        for (LocalDate d = plan.start(); !d.isAfter(plan.deadline()); d = d.plusDays(1)) {
            if (due.isDue(t16, "委工会", d, ReportFacts.none())) {
                dueDays.add(d);
            }
        }
        // 中秋、国庆 from 2023-09-29: the five working days before; 元旦 2024 (1月1日): 12-25 to 12-29
        assertThat(dueDays).containsExactly(
                LocalDate.of(2023, 9, 22), LocalDate.of(2023, 9, 25), LocalDate.of(2023, 9, 26), LocalDate.of(2023, 9, 27), LocalDate.of(2023, 9, 28),
                LocalDate.of(2023, 12, 25), LocalDate.of(2023, 12, 26), LocalDate.of(2023, 12, 27),
                LocalDate.of(2023, 12, 28), LocalDate.of(2023, 12, 29));
        assertThat(dueDays).allMatch(d -> !d.isAfter(LocalDate.of(2023, 9, 28)) || d.getMonthValue() == 12);
        // the base unions owe it too
        assertThat(due.isDue(t16, "机关工会", LocalDate.of(2023, 9, 26), ReportFacts.none())).isTrue();
        report(16, "机关工会", "2023-09-25", 50);
        assertThat(due.isDue(t16, "机关工会", LocalDate.of(2023, 9, 26), facts())).isFalse();
        assertThat(due.isDue(t16, "事业单位工会", LocalDate.of(2023, 9, 26), facts())).isTrue();
        // never in an ordinary October week
        assertThat(due.due(week("2023-10-16"), ReportFacts.none())).noneMatch(d -> d.task().number() == 16);
    }

    @Test
    void aOnceTask_stopsBeingDueWhenReportedDone() {
        PlanTask t3 = task(3);
        ReportingWeek last = week("2023-12-25");
        assertThat(pairs(due.due(last, facts()))).contains("3 办公室");
        assertThat(pairs(due.due(week("2023-10-16"), facts()))).doesNotContain("3 办公室");
        report(3, "办公室", "2023-12-26", 80);
        assertThat(pairs(due.due(last, facts()))).as("80% is not done").contains("3 办公室");
        report(3, "办公室", "2023-12-27", 100);
        assertThat(pairs(due.due(last, facts()))).doesNotContain("3 办公室");
        assertThat(due.isDue(t3, "办公室", LocalDate.of(2023, 12, 28), facts())).isFalse();
    }

    @Test
    void aTaskThatTheBotCarriesOut_isNeverDue_andNeverStale() {
        PlanTask t5 = task(5);
        assertThat(due.periods(t5)).isEmpty();
        assertThat(due.staleness(t5, LocalDate.of(2023, 12, 1), ReportFacts.none())).isEmpty();
        assertThat(due.owedTasks("办公室")).noneMatch(t -> t.number() == 5);
    }

    @Test
    void aClosedTask_isNotDue() {
        assertThat(pairs(due.due(week("2023-10-16"), facts()))).contains("15 农管科");
        closed.add(15);
        assertThat(pairs(due.due(week("2023-10-16"), facts()))).doesNotContain("15 农管科");
    }

    @Test
    void everyTwoWeeks_isAskedInTheSecondWeek_andAReportInTheFirstWeekCoversIt() {
        PlanTask t14 = task(14);
        // pairs of weeks from the plan's first full week (W31): W41+W42 is one period, asked in W42
        Period p = due.periodOn(t14, LocalDate.of(2023, 10, 16)).orElseThrow();
        assertThat(p.start()).isEqualTo(LocalDate.of(2023, 10, 9));
        assertThat(p.end()).isEqualTo(LocalDate.of(2023, 10, 22));
        assertThat(p.askFrom()).isEqualTo(LocalDate.of(2023, 10, 16));
        assertThat(pairs(due.due(week("2023-10-09"), facts()))).doesNotContain("14 农发科");
        assertThat(pairs(due.due(week("2023-10-16"), facts()))).contains("14 农发科");
        report(14, "农发科", "2023-10-10", 50);
        assertThat(pairs(due.due(week("2023-10-16"), facts()))).doesNotContain("14 农发科");
    }

    @Test
    void rates_countOnlyWhatWasDue() {
        LocalDate from = LocalDate.of(2023, 10, 1);
        LocalDate to = LocalDate.of(2023, 10, 31);
        ReportingRate before = due.rate("农管科", from, to, to, facts());
        assertThat(before.covered()).isZero();
        report(15, "农管科", "2023-10-17", 40);
        report(12, "农管科", "2023-10-17", 40);
        ReportingRate after = due.rate("农管科", from, to, to, facts());
        assertThat(after.owed()).isEqualTo(before.owed());
        assertThat(after.covered()).isEqualTo(2);
        // contributions of a unit that owes nothing do not make a rate
        assertThat(due.rate("农技中心", from, to, to, facts()).owed()).isZero();
    }
}
