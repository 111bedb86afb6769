package io.duban.bot.schedule;

import io.duban.bot.chart.WeeklyPicture;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.measure.MeasureServices;
import io.duban.bot.status.StatusBoard;
import io.duban.calendar.WorkCalendar;
import io.duban.config.ConfigDirectory;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.storage.Storage;
import io.duban.storage.model.JobRun;
import io.duban.storage.model.OutboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;

/**
 * The weekly rhythm, wired: the calendar, the schedule settings, the seven jobs and the {@link Scheduler}. The
 * serve loop calls {@link #start}; the admin's {@code job} commands call {@link #preview} and {@link #run}; the chat
 * command 立即提醒 calls {@link #remindNow}.
 */
public final class RhythmService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RhythmService.class);
    /** How often the serve loop ticks. */
    public static final Duration TICK = Duration.ofSeconds(30);
    static final String REMIND_NOW = "remind-now";

    private final RhythmContext ctx;
    private final Clock clock;
    private final List<Job> jobs;
    private final Scheduler scheduler;
    private final NudgeComposers nudges;

    private RhythmService(RhythmContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
        ScheduleSettings s = ctx.settings();
        ZoneId zone = s.zone();
        DayShifter shifter = new DayShifter(ctx.calendar());
        WorkPlan plan = ctx.plan();
        Predicate<LocalDate> inPlan = ctx::inPlan;
        Predicate<LocalDate> summarises = d -> {
            IsoWeek last = IsoWeek.of(d).previous();
            return !last.sunday().isBefore(plan.start()) && !last.monday().isAfter(plan.deadline());
        };
        WeeklyTiming prompt = new WeeklyTiming(s.job(ScheduleSettings.WEEKLY_PROMPT), shifter, zone,
                Optional.empty(), inPlan);
        WeeklyTiming privateNudge = new WeeklyTiming(s.job(ScheduleSettings.PRIVATE_NUDGE), shifter, zone,
                Optional.of(prompt), inPlan);
        WeeklyTiming groupReminder = new WeeklyTiming(s.job(ScheduleSettings.GROUP_REMINDER), shifter, zone,
                Optional.of(prompt), inPlan);
        ReplyDeadline replyBy = new ReplyDeadline(ctx, shifter, List.of(prompt, privateNudge, groupReminder));
        DeadlineTiming deadlines = new DeadlineTiming(s.job(ScheduleSettings.DEADLINE_WARNING), shifter, zone, ctx);
        HolidayTiming holidays = new HolidayTiming(s.job(ScheduleSettings.HOLIDAY_REMINDER), shifter, zone, ctx);
        this.nudges = new NudgeComposers(ctx, replyBy);
        this.jobs = List.of(
                new Job(ScheduleSettings.WEEKLY_PROMPT, "每周填报提示", prompt,
                        new WeeklyPromptComposer(ctx, replyBy), zone),
                new Job(ScheduleSettings.PRIVATE_NUDGE, "私信提醒联络员",
                        privateNudge, nudges.privateNudge(), zone),
                new Job(ScheduleSettings.GROUP_REMINDER, "群内提醒未报送单位",
                        groupReminder, nudges.groupReminder(), zone),
                new Job(ScheduleSettings.WEEKLY_SUMMARY, "领导周报",
                        new WeeklyTiming(s.job(ScheduleSettings.WEEKLY_SUMMARY), shifter, zone, Optional.empty(),
                                summarises, true), new WeeklySummaryComposer(ctx, shifter), zone),
                new Job(ScheduleSettings.MONTHLY_REPORT, "月度通报",
                        new MonthlyTiming(s.job(ScheduleSettings.MONTHLY_REPORT), shifter, zone, inPlan),
                        new MonthlyReportComposer(ctx, shifter), zone),
                new Job(ScheduleSettings.DEADLINE_WARNING, "截止提醒", deadlines,
                        new DeadlineWarningComposer(ctx, deadlines), zone),
                new Job(ScheduleSettings.HOLIDAY_REMINDER, "节前采购提醒", holidays,
                        new HolidayReminderComposer(ctx, holidays), zone));
        this.scheduler = new Scheduler(jobs, ctx.storage().jobRuns(), s, ctx.calendar(), clock);
    }

    /**
     * Wires the rhythm on what the composition root built once: the settings it read ({@code BotSettings}: the
     * working calendar and the schedule section), the status board (with the closures, the office's filter and the
     * due rules), the measures, the chart and the 台账 export. The jobs build none of these themselves.
     */
    public static RhythmService create(ConfigDirectory config, Storage storage, Clock clock, WorkCalendar calendar,
                                       ScheduleSettings settings, StatusBoard board, MeasureServices measures,
                                       WeeklyPicture chart, LedgerExport ledger) {
        return new RhythmService(new RhythmContext(config, storage, calendar, settings, board, measures, chart,
                ledger), clock);
    }

    /** Describes the calendar and the schedule settings in a few lines, for {@code duban config check}. */
    public static List<String> describe(WorkCalendar calendar, ScheduleSettings s) {
        List<String> out = new ArrayList<>();
        out.add("节假日 calendar: " + calendar.holidays().size() + " 个假期，数据至 "
                + calendar.coveredUntil().map(LocalDate::toString).orElse("（无数据，只按周末判断）"));
        out.add("免打扰 quiet hours " + s.quietHours() + "，非工作日默认 " + s.job(ScheduleSettings.WEEKLY_PROMPT)
                .onNonWorkingDay().key() + "，补发宽限 grace " + s.grace().toHours() + " h，时区 " + s.zone());
        out.add("每周 weekly: 填报提示 " + weekly(s, ScheduleSettings.WEEKLY_PROMPT) + "，私聊提醒 "
                + weekly(s, ScheduleSettings.PRIVATE_NUDGE) + "，群内提醒 " + weekly(s, ScheduleSettings.GROUP_REMINDER)
                + "，回复截止 " + Texts.weekday(s.replyDay()) + " " + Texts.time(s.replyTime()) + "，领导周报 "
                + weekly(s, ScheduleSettings.WEEKLY_SUMMARY));
        JobSchedule monthly = s.job(ScheduleSettings.MONTHLY_REPORT);
        out.add("月度通报 " + (monthly.enabled() ? "每月 " + monthly.dayOfMonth() + " 日 " + Texts.time(monthly.time())
                : "已停用") + "；截止提醒 截止前 " + String.join("、", s.deadlineDays().stream().map(String::valueOf).toList()) + " 天；节前提醒 " + String.join("、", s.holidayNames())
                + " 前 " + s.holidayWorkingDays() + " 个工作日（任务 " + s.holidayTask() + "）");
        return out;
    }

    private static String weekly(ScheduleSettings s, String job) {
        JobSchedule j = s.job(job);
        return j.enabled() ? Texts.weekday(j.weekday().orElseThrow()) + " " + Texts.time(j.time()) : "已停用";
    }

    /** Starts the serve loop: a tick every {@link #TICK} on the given executor. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor) {
        calendarWarning(clock.instant()).ifPresent(log::warn);
        return scheduler.start(executor, TICK);
    }

    /**
     * Starts the serve loop on its own daemon thread ({@code duban-rhythm}); closing the result stops it. For
     * {@code serve}: {@code try (AutoCloseable loop = rhythm.startInBackground()) { … }}.
     */
    public AutoCloseable startInBackground() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "duban-rhythm");
            t.setDaemon(true);
            return t;
        });
        start(executor);
        return executor::shutdownNow;
    }

    /** A warning when the holiday data ends within 60 days: the admin should add next year's State Council notice. */
    public Optional<String> calendarWarning(Instant now) {
        LocalDate today = now.atZone(ctx.settings().zone()).toLocalDate();
        Optional<LocalDate> until = ctx.calendar().coveredUntil();
        if (until.isPresent() && until.get().isAfter(today.plusDays(60))) {
            return Optional.empty();
        }
        return Optional.of("节假日数据" + until.map(d -> "只到 " + d).orElse("为空") + "，请在 config/calendar/ 中补充"
                + "国务院办公厅下一年的节假日安排。 The holiday calendar ends " + until.map(LocalDate::toString)
                .orElse("(empty)") + "; add next year's notice under config/calendar/.");
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public List<Job> jobs() {
        return jobs;
    }

    public WorkCalendar calendar() {
        return ctx.calendar();
    }

    public ScheduleSettings settings() {
        return ctx.settings();
    }

    public Job job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有名为 " + name + " 的任务。 Unknown job '" + name
                        + "'; jobs: " + String.join(", ", jobs.stream().map(Job::name).toList())));
    }

    /** A run and the messages it would send now, for the admin's rehearsal. Claims nothing. */
    public record Preview(Job job, PlannedRun run, List<OutboundMessage> messages, String text) {
    }

    /** The run of {@code name} due at or last before {@code at}, with its messages; sends and claims nothing. */
    public Optional<Preview> preview(String name, Instant at) {
        Job job = job(name);
        return job.latestAtOrBefore(at).map(run -> {
            List<OutboundMessage> messages;
            try (Storage.Reading reading = Storage.reading()) { // closures read once, not per task
                messages = job.compose(run);
            }
            return new Preview(job, run, messages, RunPrinter.header(job, run) + "\n"
                    + RunPrinter.messages(messages, Recipients.load(ctx.storage())));
        });
    }

    /** Claims and enqueues the run of {@code name} due at or last before {@code at}, unless it was claimed before. */
    public Optional<RunOutcome> run(String name, Instant at) {
        Job job = job(name);
        return job.latestAtOrBefore(at).map(run -> scheduler.claim(job, run, clock.instant()));
    }

    /** A printable account of a run outcome: what was enqueued, or why nothing was. */
    public String describe(RunOutcome o) {
        Job job = job(o.run().job());
        String head = RunPrinter.header(job, o.run()) + "\n";
        return switch (o.kind()) {
            case ENQUEUED -> head + "已写入发件箱 " + o.enqueued().size() + " 条（Enqueued " + o.enqueued().size()
                    + "）：\n" + RunPrinter.messages(o.enqueued().stream().map(e -> e.message()).toList(),
                    Recipients.load(ctx.storage()));
            case ALREADY_CLAIMED -> head + "这一次已经执行过" + ctx.storage().jobRuns()
                    .find(o.run().job(), o.run().period())
                    .map(r -> "（" + r.status().key() + "，" + Texts.console(r.claimedAt().atZone(ctx.settings().zone()))
                            + "，" + r.messageCount() + " 条）").orElse("")
                    + "，不会重复发送。 Already claimed; not sent again.";
            case SKIPPED -> head + "已错过宽限期，记为跳过：" + o.note();
            case DEFERRED -> head + "免打扰时段或非工作日，稍后再发。";
            case FAILED -> head + "生成消息失败，未执行：" + o.note();
            case FENCED -> head + "本实例已不是主用实例，未执行（由主用实例发送）：" + o.note();
        };
    }

    /** One line per job: its next run after {@code now} and its last claimed run. */
    public String list(Instant now) {
        StringBuilder sb = new StringBuilder();
        calendarWarning(now).ifPresent(w -> sb.append("注意：").append(w).append('\n'));
        sb.append("现在 ").append(Texts.console(now.atZone(ctx.settings().zone()))).append("；免打扰 ")
                .append(ctx.settings().quietHours()).append("；宽限 ").append(ctx.settings().grace().toHours())
                .append(" 小时\n");
        for (Job job : jobs) {
            ScheduleSettings s = ctx.settings();
            boolean enabled = s.job(job.name()).enabled();
            sb.append(String.format("%-17s %s%n", job.name(), job.title()));
            if (!enabled) {
                sb.append("    已停用 (enabled: false)\n");
                continue;
            }
            sb.append("    下次：").append(job.nextAfter(now).map(r -> Texts.console(r.at()) + "  周期 " + r.period()
                    + (r.moved() ? "（原定 " + r.nominalDate() + "，非工作日已调整）" : ""))
                    .orElse("计划期内没有了")).append('\n');
            Optional<JobRun> last = ctx.storage().jobRuns().latest(job.name());
            last.ifPresent(r -> sb.append("    上次：周期 ").append(r.period()).append("，")
                    .append(r.status() == JobRun.Status.DONE ? "已发送 " + r.messageCount() + " 条" : "已跳过（" + r.note() + "）")
                    .append("，").append(Texts.console(r.claimedAt().atZone(ctx.settings().zone()))).append('\n'));
        }
        return sb.toString();
    }

    /**
     * The admin's 立即提醒: reminds the units that have not reported this week, now. Before this week's private
     * nudge has gone out it nudges their contacts privately; after it, it sends the group reminder that @-mentions
     * only those contacts. Once per hour at most; never in quiet hours or on non-working days.
     *
     * @return a short Chinese answer for the admin
     */
    public String remindNow(Instant now) {
        ZonedDateTime t = now.atZone(ctx.settings().zone());
        if (!scheduler.pushAllowed(now)) {
            return "现在是免打扰时段（" + ctx.settings().quietHours() + "）或非工作日，未发送提醒。请在工作日的工作时间再试。";
        }
        LocalDate today = t.toLocalDate();
        if (!ctx.inPlan(today)) {
            return "今天不在计划期内（" + ctx.plan().start() + " 至 " + ctx.plan().deadline() + "），无需提醒。";
        }
        IsoWeek week = IsoWeek.of(today);
        io.duban.bot.status.WeekTally tally = ctx.board(now).tally(ctx.plan(), week.reportingWeek());
        List<String> missing = List.copyOf(tally.owing().keySet());
        if (missing.isEmpty()) {
            return "本周（第" + week.week() + "周）" + tally.summary() + "，无需提醒。";
        }
        boolean privateDone = ctx.storage().jobRuns().find(ScheduleSettings.PRIVATE_NUDGE, week.key())
                .filter(r -> r.status() == JobRun.Status.DONE).isPresent();
        String how = privateDone ? "group" : "private";
        PlannedRun run = new PlannedRun(REMIND_NOW, week.key() + "-" + how + "-"
                + t.format(DateTimeFormatter.ofPattern("MMdd'T'HH")), t, today);
        Composer composer = privateDone ? nudges.groupReminder() : nudges.privateNudge();
        Job job = new Job(REMIND_NOW, "立即提醒", (name, from, to) -> List.of(run), composer, ctx.settings().zone());
        RunOutcome o = scheduler.claim(job, run, now);
        Recipients to = Recipients.load(ctx.storage());
        List<String> named = new ArrayList<>();
        for (String unit : missing) {
            List<Person> contacts = to.contacts(unit);
            named.add(unit + (contacts.isEmpty() ? "（无联络员）"
                    : "（" + String.join("、", contacts.stream().map(Person::name).toList()) + "）"));
        }
        return switch (o.kind()) {
            case ENQUEUED -> (privateDone ? "已在各单位群里提醒" : "已私信提醒") + " " + missing.size() + " 个未报齐单位的联络员："
                    + String.join("、", named) + "。共 " + o.enqueued().size() + " 条消息。本周 " + tally.summary() + "。";
            case ALREADY_CLAIMED -> "这一小时内已经提醒过，未重复发送。未报送：" + String.join("、", named) + "。";
            default -> "提醒未能发出（" + o.note() + "），请稍后再试。";
        };
    }

}
