package io.duban.bot;

import io.duban.bot.closure.ClosureService;
import io.duban.bot.chart.WeeklyPicture;
import io.duban.bot.command.BindCommand;
import io.duban.bot.command.ChartCommand;
import io.duban.bot.command.ClosureReplies;
import io.duban.bot.command.ClosureStatusCommand;
import io.duban.bot.command.CloseTaskCommand;
import io.duban.bot.command.Command;
import io.duban.bot.command.CommandRouter;
import io.duban.bot.command.CorrectCommand;
import io.duban.bot.command.ExportLedgerCommand;
import io.duban.bot.command.HelpCommand;
import io.duban.bot.command.KpiCommand;
import io.duban.bot.command.ConsultCommand;
import io.duban.bot.command.MilestoneCommand;
import io.duban.bot.command.MissingCommand;
import io.duban.bot.command.SolveCommand;
import io.duban.bot.measure.MeasureServices;
import io.duban.bot.measure.ReportMeasures;
import io.duban.bot.metric.MetricService;
import io.duban.bot.milestone.MilestoneService;
import io.duban.bot.problem.ProblemService;
import io.duban.bot.problem.ProblemSettings;
import io.duban.bot.command.MyTasksCommand;
import io.duban.bot.command.OverviewCommand;
import io.duban.bot.command.ProblemsCommand;
import io.duban.bot.command.RegisterCommand;
import io.duban.bot.command.RemindNowCommand;
import io.duban.bot.command.ReportCommand;
import io.duban.bot.command.RequestClosureCommand;
import io.duban.bot.command.ReturnClosureCommand;
import io.duban.bot.command.ReturnReportCommand;
import io.duban.bot.command.ReviewCommand;
import io.duban.bot.command.ReviewNotices;
import io.duban.bot.command.ReviewReplies;
import io.duban.bot.command.Quoter;
import io.duban.bot.command.ReportReplies;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.command.SetReportingCommand;
import io.duban.bot.duty.DutyRules;
import io.duban.bot.command.TaskCommand;
import io.duban.bot.command.UnitCommand;
import io.duban.bot.command.WithdrawCommand;
import io.duban.bot.engine.BotEngine;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.message.FileDoors;
import io.duban.bot.notify.UnitNotices;
import io.duban.bot.report.ReportService;
import io.duban.bot.review.ReturnedReports;
import io.duban.bot.review.ReviewService;
import io.duban.bot.schedule.RhythmService;
import io.duban.bot.serve.WeComFileDoors;
import io.duban.bot.settings.BotSettings;
import io.duban.bot.status.StatusBoard;
import io.duban.config.ConfigDirectory;
import io.duban.roster.ChatBinding;
import io.duban.roster.Person;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The composition root: configuration, storage, clock, and every service, command and the engine built once on
 * top of them. The command line builds one per process; every transport and job takes what it needs from here.
 * Nothing in here knows a wire protocol.
 */
public final class App implements AutoCloseable {
    private final Path home;
    private final ConfigDirectory config;
    private final Storage storage;
    private final Clock clock;
    private final Map<String, String> env;
    private final BotSettings settings;
    private final CurrentPlan plans;
    private final StatusBoard board;
    private final ReportService reports;
    private final ReportReplies reportReplies;
    private final Quoter quoter;
    private final ReviewService review;
    private final ClosureService closure;
    private final ReviewReplies reviewReplies;
    private final ClosureReplies closureReplies;
    private final RhythmService rhythm;
    private final LedgerExport ledger;
    private final WeeklyPicture chart;
    private final DutyRules dutyRules;
    /** Which WeCom door carries files into a conversation (导出, 图表). */
    private final FileDoors fileDoors;
    private final BotEngine engine;
    private final MeasureServices measures;

    public App(Path home, ConfigDirectory config, Storage storage, Clock clock, Map<String, String> env) {
        this(home, config, storage, clock, env, List.of());
    }

    /** @param extra more chat commands (tests add one that fails, to see the engine's apology) */
    public App(Path home, ConfigDirectory config, Storage storage, Clock clock, Map<String, String> env,
               List<Command> extra) {
        this(home, config, BotSettings.read(config, env), storage, clock, env, extra);
    }

    /**
     * @param settings read once from {@code config} and {@code env} ({@link BotSettings#read}); what {@code config
     *                 check} validated
     */
    public App(Path home, ConfigDirectory config, BotSettings settings, Storage storage, Clock clock,
               Map<String, String> env, List<Command> extra) {
        this.home = home;
        this.settings = settings;
        this.config = config;
        this.storage = storage;
        this.clock = clock;
        this.env = Map.copyOf(env);
        seedRoster();
        BiPredicate<Integer, Integer> isClosed = storage.closures()::isClosed;
        ReturnedReports countable = new ReturnedReports(storage.reviews());
        DutyRules duty = settings.dutyRules(config.settings().staleWeeks());
        this.dutyRules = duty;
        this.measures = new MeasureServices(
                new MilestoneService(storage.milestones(), clock),
                new MetricService(storage.metrics(), storage.reviews(), config.organization(), clock),
                new ProblemService(storage.problems(), storage.reviews(), ProblemSettings.from(config), clock));
        this.plans = new CurrentPlan(config, storage);
        this.quoter = new Quoter(config.settings().maxQuoteChars());
        this.board = new StatusBoard(config.organization(), config.settings(), storage.reports(), clock,
                isClosed, countable, duty).withMilestones(storage.milestones());
        this.reports = new ReportService(config.organization(), config.settings(), storage.reports(), clock,
                isClosed, countable, board::dueThisWeek, new ReportMeasures(measures.metrics(), measures.problems(),
                config.settings().maxQuoteChars()));
        this.reportReplies = new ReportReplies(config.settings(), reports);
        UnitNotices notices = new UnitNotices(storage.chats(), storage.outbox(), clock);
        this.review = new ReviewService(config.organization(), storage.reports(), storage.reviews(), storage.people(),
                notices, new ReviewNotices(config.settings()), clock, isClosed);
        this.reviewReplies = new ReviewReplies(config.settings(), review);
        this.closureReplies = new ClosureReplies(config.settings());
        this.closure = new ClosureService(config.organization(), storage.closures(), storage.people(), notices,
                closureReplies, clock);
        this.ledger = new LedgerExport(config, storage, duty);
        this.chart = new WeeklyPicture(config, storage, duty);
        this.rhythm = RhythmService.create(config, storage, clock, settings.calendar(), settings.schedule(), board,
                measures, chart, ledger);
        this.fileDoors = FileDoors.withLocalChat(WeComFileDoors.of(config.rawSettings(), this.env));
        this.engine = new BotEngine(config, storage, clock, plans, reportReplies, router(extra));
    }

    /** Every chat command, each given the services it uses. */
    private CommandRouter router(List<Command> extra) {
        var org = config.organization();
        var set = config.settings();
        ReportCommand report = new ReportCommand(reportReplies, plans);
        UnitCommand units = new UnitCommand(plans, board, org, quoter, set);
        List<Command> all = new ArrayList<>(List.of(
                report, new CorrectCommand(reportReplies, plans), new WithdrawCommand(reportReplies, plans),
                new MyTasksCommand(units),
                new TaskCommand(measures, report, plans, board, org, quoter, set, storage.reports()),
                new OverviewCommand(plans, board), units, new MissingCommand(plans, board),
                new ProblemsCommand(measures.problems(), plans, board, quoter, set, clock),
                new KpiCommand(measures.metrics(), plans, board),
                new MilestoneCommand(measures.milestones(), plans, board, org, quoter, set, clock),
                new SolveCommand(measures.problems(), plans, org, quoter, set),
                new ConsultCommand(measures.problems(), plans, board, quoter),
                new RegisterCommand(org, storage.people(), quoter, clock),
                new BindCommand(org, storage.chats(), clock),
                new ReviewCommand(reviewReplies, plans, org), new ReturnReportCommand(reviewReplies, plans, org),
                new RequestClosureCommand(closure, closureReplies, plans),
                new CloseTaskCommand(closure, closureReplies, plans),
                new ReturnClosureCommand(closure, closureReplies, plans),
                new ClosureStatusCommand(closure, closureReplies, plans),
                new SetReportingCommand(plans, org, set, clock, storage.people(), storage.reportingChanges()),
                new ExportLedgerCommand(ledger, fileDoors, plans, set, clock),
                new ChartCommand(chart, fileDoors, plans, board, clock),
                new RemindNowCommand(rhythm, clock)));
        all.addAll(extra);
        all.add(new HelpCommand(() -> all, quoter));
        return new CommandRouter(all, report);
    }

    /** One transaction for the whole roster: one commit at start instead of one per person and chat. */
    private void seedRoster() {
        storage.inTransaction(() -> {
            for (Person p : config.roster().people()) {
                storage.people().seedFromFile(p, clock.instant());
            }
            for (ChatBinding c : config.roster().chats()) {
                storage.chats().seedFromFile(c, clock.instant());
            }
        });
    }

    public Path home() {
        return home;
    }

    public ConfigDirectory config() {
        return config;
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> env() {
        return env;
    }

    /** Every setting, read once: WeCom, the app, the callback, the calendar, the schedule, the export. */
    public BotSettings settings() {
        return settings;
    }

    /** Milestones, metrics and problem items (issue 15). */
    public MeasureServices measures() {
        return measures;
    }

    /** The engine: the one inbound port every transport hands its messages to. */
    public BotEngine engine() {
        return engine;
    }

    /** The plan in force (the plan file with the office's chat changes, 设置). */
    public CurrentPlan plans() {
        return plans;
    }

    /** The one status board: colours, what is due, what counts as reported. */
    public StatusBoard board() {
        return board;
    }

    public ReportService reports() {
        return reports;
    }

    /** The office's review of reports; {@link ReviewService#unchecked} lists what is still unchecked. */
    public ReviewService review() {
        return review;
    }

    /** The words of the office's check, e.g. the one-line summary of what is still unchecked. */
    public ReviewReplies reviewReplies() {
        return reviewReplies;
    }

    public ClosureService closure() {
        return closure;
    }

    /** The rules of the one "what is due" component, as read from the configuration at start-up. */
    public DutyRules dutyRules() {
        return dutyRules;
    }

    /** The 台账 export, shared by the chat command 导出 and {@code duban export}. */
    public LedgerExport ledger() {
        return ledger;
    }

    /** The weekly chart, shared by the chat command 图表 and {@code duban chart}. */
    public WeeklyPicture chart() {
        return chart;
    }

    /** The weekly rhythm: scheduled prompts, reminders and summaries. {@code serve} starts its loop. */
    public RhythmService rhythm() {
        return rhythm;
    }

    @Override
    public void close() {
        storage.close();
    }
}
