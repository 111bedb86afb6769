package io.duban.bot.schedule;

import io.duban.bot.chart.WeeklyPicture;
import io.duban.bot.duty.DueCalculator;
import io.duban.bot.duty.ReportFacts;
import io.duban.bot.duty.ReportingOverrides;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.measure.MeasureServices;
import io.duban.bot.metric.MetricTotal;
import io.duban.bot.milestone.MilestoneBook;
import io.duban.bot.problem.ConsultRule;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.text.UserText;
import io.duban.calendar.WorkCalendar;
import io.duban.config.ConfigDirectory;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.Storage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What every job reads: configuration, storage, calendar, schedule settings, and the services the composition root
 * built once (the status board with its closures, filter and due rules; the measures; the chart; the 台账 export).
 * A job that needs a view at its run's moment asks the same service for that moment ({@link StatusBoard#asOf}).
 */
record RhythmContext(ConfigDirectory config, Storage storage, WorkCalendar calendar, ScheduleSettings settings,
                     StatusBoard board, MeasureServices measures, WeeklyPicture chart, LedgerExport ledger) {

    /** The current plan with the office's chat changes to reporters and cadence (设置). */
    WorkPlan plan() {
        return ReportingOverrides.currentPlan(config, storage);
    }

    /** What is due, for the current plan: every job asks here (the board's rules and closures). */
    DueCalculator due() {
        return board.calculator(plan());
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
        return board.openTasks(plan());
    }

    /** The lead's status board, as seen at {@code asOf}. */
    StatusBoard board(Instant asOf) {
        return board.asOf(asOf);
    }

    /** Every task's milestones with all the edits made in chat so far (for planning warning runs). */
    MilestoneBook milestones() {
        return MilestoneBook.of(plan(), storage.milestones().all(plan().year()), Instant.MAX);
    }

    /** Open problems waiting for a consultation (待会商) at a moment, oldest first. */
    List<ConsultRule.Flag> awaitingConsultation(Instant at) {
        return measures.problems().awaitingConsultation(plan(), at);
    }

    /** Every metric's running total at a moment. */
    List<MetricTotal> metricTotals(Instant at) {
        return measures.metrics().totals(plan(), at);
    }

    /** The plan year's countable effective reports (the board's one filter), for queries in memory. */
    ReportView reports() {
        return new ReportView(board.acceptedReports(plan()));
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
