package io.duban.bot.chart;

import io.duban.bot.chart.WeeklyData.AreaCount;
import io.duban.bot.chart.WeeklyData.WeekPoint;
import io.duban.bot.export.ExportSettings;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.report.ReportingWeek;
import io.duban.bot.report.ReportsAsOf;
import io.duban.bot.review.ReturnedReports;
import io.duban.bot.status.Colour;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.config.ConfigDirectory;
import io.duban.plan.Organization;
import io.duban.plan.PlanArea;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.Storage;
import io.duban.storage.model.ClosureAction;
import io.duban.storage.model.ClosureEvent;
import io.duban.storage.model.ProgressReport;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly picture from the stored reports: tasks by colour per area as they stand, and the average percent of
 * all tasks at the end of each reporting week since the plan started (a closed task counts as 100%). The weekly
 * summary sends {@link #renderWeeklyPng} as an image message; {@code duban chart} writes it to a file.
 */
public final class WeeklyPicture {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final ConfigDirectory config;
    private final Storage storage;
    /** Built at the first picture: finding a font that shows Chinese lists every installed family (tens of ms). */
    private volatile WeeklyChart chart;

    private final io.duban.bot.duty.DutyRules duty;

    /** @param duty the rules of the one "what is due" component (staleness in the task colours) */
    public WeeklyPicture(ConfigDirectory config, Storage storage, io.duban.bot.duty.DutyRules duty) {
        this.duty = duty;
        this.config = config;
        this.storage = storage;
    }

    /** The picture as a PNG (1200×800, well under the 2 MB of a WeCom image message), as of {@code asOf}. */
    public byte[] renderWeeklyPng(WorkPlan plan, Instant asOf) {
        return chart().renderPng(data(plan, asOf));
    }

    private WeeklyChart chart() {
        WeeklyChart c = chart;
        if (c == null) {
            c = new WeeklyChart(ChartFonts.family(ExportSettings.from(config).chartFont()));
            chart = c; // two first pictures at once may both look the font up; they find the same one
        }
        return c;
    }

    public WeeklyData data(WorkPlan plan, Instant asOf) {
        ZoneId zone = config.settings().zone();
        Organization org = config.organization();
        ReportsAsOf snapshot = ReportsAsOf.of(storage.reports(), plan, asOf);
        List<ClosureEvent> closures = storage.closures().all(plan.year()).stream()
                .filter(e -> !e.at().isAfter(asOf)).toList();
        Map<Integer, ClosureEvent> closure = latest(closures, asOf);
        StatusBoard board = new StatusBoard(org, config.settings(), snapshot, Clock.fixed(asOf, zone),
                (y, t) -> closed(closure, t), ReturnedReports.asOf(storage.reviews(), asOf),
                duty)
                .withMilestones(storage.milestones());
        List<TaskStatus> statuses = board.tasks(plan);

        List<AreaCount> byArea = new ArrayList<>();
        for (PlanArea area : plan.areas()) {
            Map<Colour, Integer> counts = new EnumMap<>(Colour.class);
            statuses.stream().filter(s -> s.task().areaNumber() == area.number())
                    .forEach(s -> counts.merge(s.colour(), 1, Integer::sum));
            byArea.add(new AreaCount(area.name(), counts));
        }

        List<WeekPoint> completion = new ArrayList<>();
        ReportingWeek now = ReportingWeek.of(asOf, zone);
        for (ReportingWeek w = ReportingWeek.of(plan.start()); w.compareTo(now) <= 0; w = w.next()) {
            Instant end = w.equals(now) ? asOf : LedgerExport.endOf(w, zone);
            LocalDate day = w.equals(now) ? asOf.atZone(zone).toLocalDate() : w.sunday();
            completion.add(new WeekPoint("W" + w.week(), averagePercent(plan, org, snapshot.cutAt(end),
                    latest(closures, end), end), expectedPercent(plan, day)));
        }

        Map<Colour, Long> total = new EnumMap<>(Colour.class);
        statuses.forEach(s -> total.merge(s.colour(), 1L, Long::sum));
        String title = plan.year() + " 年工作计划推进情况 · 第 " + now.week() + " 周（" + now.span() + "）";
        String subtitle = "截至 " + asOf.atZone(zone).format(DAY) + "，共 " + statuses.size() + " 项任务：红 "
                + total.getOrDefault(Colour.RED, 0L) + " 项、黄 " + total.getOrDefault(Colour.YELLOW, 0L) + " 项、绿 "
                + total.getOrDefault(Colour.GREEN, 0L) + " 项；已销号 "
                + statuses.stream().filter(TaskStatus::closed).count() + " 项";
        return new WeeklyData(title, subtitle, byArea, completion);
    }

    /**
     * The average of every task's headline percent as the status board computes it at {@code end} (closed = 100,
     * none = 0): the same figures the chat and the 台账 show.
     */
    private double averagePercent(WorkPlan plan, Organization org, ReportsAsOf reports,
                                  Map<Integer, ClosureEvent> closure, Instant end) {
        StatusBoard board = new StatusBoard(org, config.settings(), reports, Clock.fixed(end, config.settings().zone()),
                (y, t) -> closed(closure, t), ReturnedReports.asOf(storage.reviews(), end),
                duty);
        return board.tasks(plan).stream().mapToInt(s -> s.closed() ? 100 : s.percent()).average().orElse(0);
    }

    private static double expectedPercent(WorkPlan plan, LocalDate day) {
        return plan.tasks().stream()
                .mapToInt(t -> StatusBoard.expectedPercent(plan.start(), t.deadline(), day))
                .average().orElse(0);
    }

    private static Map<Integer, ClosureEvent> latest(List<ClosureEvent> closures, Instant cutoff) {
        Map<Integer, ClosureEvent> out = new HashMap<>();
        closures.stream().filter(e -> !e.at().isAfter(cutoff)).forEach(e -> out.put(e.taskNumber(), e));
        return out;
    }

    private static boolean closed(Map<Integer, ClosureEvent> closure, int task) {
        ClosureEvent e = closure.get(task);
        return e != null && e.action() == ClosureAction.APPROVED;
    }
}
