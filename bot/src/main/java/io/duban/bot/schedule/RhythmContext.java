package io.duban.bot.schedule;

import io.duban.bot.metric.MetricService;
import io.duban.bot.metric.MetricTotal;
import io.duban.bot.milestone.MilestoneBook;
import io.duban.bot.problem.ConsultRule;
import io.duban.bot.problem.ProblemService;
import io.duban.bot.problem.ProblemSettings;
import io.duban.bot.duty.DueCalculator;
import io.duban.bot.duty.DutyRules;
import io.duban.bot.duty.ReportFacts;
import io.duban.bot.duty.ReportingOverrides;
import io.duban.bot.report.ReportFilter;
import io.duban.bot.review.ReturnedReports;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.text.UserText;
import io.duban.calendar.WorkCalendar;
import io.duban.config.ConfigDirectory;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.Storage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiPredicate;

/** What every job reads: configuration, storage, calendar, schedule settings and the open-task filter. */
record RhythmContext(ConfigDirectory config, Storage storage, WorkCalendar calendar, ScheduleSettings settings,
                     BiPredicate<Integer, Integer> isClosed) {

    /** The current plan with the office's chat changes to reporters and cadence (设置). */
    WorkPlan plan() {
        return ReportingOverrides.currentPlan(config, storage);
    }

    /** The rules of the one "what is due" component: this calendar, the holiday settings, stale after N periods. */
    DutyRules dutyRules() {
        return DutyRulesReader.of(settings, calendar, config.settings().staleWeeks());
    }

    /** What is due, for the current plan: every job asks here. */
    DueCalculator due() {
        return new DueCalculator(plan(), org(), dutyRules(), isClosed);
    }

    /** The countable reports made at or before {@code asOf}. */
    ReportFacts facts(Instant asOf) {
        return board(asOf).facts(plan());   // the accepted reports, through the board's one filter
    }

    Organization org() {
        return config.organization();
    }

    /**
     * The one place that decides which tasks the rhythm still prompts, warns and summarises: those not closed
     * (销号). Every job asks here.
     */
    List<PlanTask> openTasks(LocalDate on) {
        return plan().tasks().stream().filter(t -> !isClosed.test(plan().year(), t.number())).toList();
    }

    /** The lead's status board, as seen at {@code asOf}. */
    StatusBoard board(Instant asOf) {
        return new StatusBoard(org(), config.settings(), storage.reports(), Clock.fixed(asOf, settings.zone()),
                isClosed, countable(), dutyRules()).withMilestones(storage.milestones());
    }

    /** Every task's milestones with all the edits made in chat so far (for planning warning runs). */
    MilestoneBook milestones() {
        return MilestoneBook.of(plan(), storage.milestones().all(plan().year()), Instant.MAX);
    }

    /** Open problems waiting for a consultation (待会商) at a moment, oldest first. */
    List<ConsultRule.Flag> awaitingConsultation(Instant at) {
        return new ProblemService(storage.problems(), storage.reviews(), ProblemSettings.from(config), Clock.fixed(at, settings.zone()))
                .awaitingConsultation(plan(), at);
    }

    /** Every metric's running total at a moment. */
    List<MetricTotal> metricTotals(Instant at) {
        return new MetricService(storage.metrics(), storage.reviews(), org(), Clock.fixed(at, settings.zone()))
                .totals(plan());
    }

    /** Which reports count as reported: the office's review leaves out the ones it returned (as the engine does). */
    ReportFilter countable() {
        return new ReturnedReports(storage.reviews());
    }

    /** The plan year's countable effective reports, for queries in memory. */
    ReportView reports() {
        int year = plan().year();
        return new ReportView(countable().countable(year, storage.reports().allEffective(year)));
    }

    /** User text repeated to others, escaped and cut to the configured length. */
    String quote(String userText) {
        return UserText.escape(userText, config.settings().maxQuoteChars());
    }

    /** Units that owe reports on at least one open task (contributors only are not among them), in organization order. */
    List<String> reportingUnits(LocalDate on) {
        return due().owingUnits();
    }

    /** Days on which the plan is running (start to deadline). */
    boolean inPlan(LocalDate d) {
        return !d.isBefore(plan().start()) && !d.isAfter(plan().deadline());
    }

    String botName() {
        return config.settings().botName();
    }
}
