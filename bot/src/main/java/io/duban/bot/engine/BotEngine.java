package io.duban.bot.engine;

import io.duban.bot.command.Access;
import io.duban.bot.command.BindCommand;
import io.duban.bot.command.Command;
import io.duban.bot.command.CommandContext;
import io.duban.bot.command.CommandRouter;
import io.duban.bot.command.CorrectCommand;
import io.duban.bot.command.ExportLedgerCommand;
import io.duban.bot.command.HelpCommand;
import io.duban.bot.command.KpiCommand;
import io.duban.bot.command.MissingCommand;
import io.duban.bot.command.MyTasksCommand;
import io.duban.bot.command.OverviewCommand;
import io.duban.bot.command.ProblemsCommand;
import io.duban.bot.command.RegisterCommand;
import io.duban.bot.command.ReportCommand;
import io.duban.bot.command.Services;
import io.duban.bot.command.TaskCommand;
import io.duban.bot.command.UnitCommand;
import io.duban.bot.command.WithdrawCommand;
import io.duban.bot.closure.ClosureService;
import io.duban.bot.command.ClosureStatusCommand;
import io.duban.bot.command.CloseTaskCommand;
import io.duban.bot.command.RequestClosureCommand;
import io.duban.bot.command.ReturnClosureCommand;
import io.duban.bot.command.ReturnReportCommand;
import io.duban.bot.command.ReviewCommand;
import io.duban.bot.export.ExportSettings;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.notify.UnitNotices;
import io.duban.bot.report.ReportService;
import io.duban.bot.review.ReturnedReports;
import io.duban.bot.review.ReviewService;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.report.SocialMessages;
import io.duban.bot.report.normalize.InputNormalizer;
import io.duban.bot.text.UserText;
import io.duban.config.ConfigDirectory;
import io.duban.roster.ChatBinding;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.Storage;
import io.duban.storage.model.InboundRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation engine: one inbound message in, the replies out. Transports call {@link #handle} and nothing
 * else. The engine stores the message before it interprets it, answers a repeated message id only once, and
 * answers every other message, including ones it cannot understand.
 */
public final class BotEngine {
    private static final Logger LOG = LoggerFactory.getLogger(BotEngine.class);

    private final ConfigDirectory config;
    private final Storage storage;
    private final Services services;
    private final CommandRouter router;
    private final ReviewService review;
    private final ClosureService closure;

    /** The engine with closure (销号) state read from storage. */
    public BotEngine(ConfigDirectory config, Storage storage, Clock clock) {
        this(config, storage, clock, storage.closures()::isClosed);
    }

    /**
     * @param isClosed tells whether (plan year, task number) has been closed (销号)
     */
    public BotEngine(ConfigDirectory config, Storage storage, Clock clock, BiPredicate<Integer, Integer> isClosed) {
        this(config, storage, clock, isClosed, List.of());
    }

    /**
     * @param isClosed tells whether (plan year, task number) has been closed (销号)
     * @param extra    commands that need more than the engine has (立即提醒 needs the weekly rhythm)
     */
    public BotEngine(ConfigDirectory config, Storage storage, Clock clock, BiPredicate<Integer, Integer> isClosed,
                     List<Command> extra) {
        this.config = config;
        this.storage = storage;
        ReturnedReports countable = new ReturnedReports(storage.reviews());
        StatusBoard board = new StatusBoard(config.organization(), config.settings(), storage.reports(), clock, isClosed,
                countable);
        ReportService reports = new ReportService(config.organization(), config.settings(), storage.reports(), clock,
                isClosed, countable);
        this.services = new Services(config, storage, clock, board, reports);
        UnitNotices notices = new UnitNotices(storage.chats(), storage.outbox(), clock);
        this.review = new ReviewService(config.organization(), config.settings(), storage.reports(), storage.reviews(),
                storage.people(), notices, clock, isClosed);
        this.closure = new ClosureService(config.organization(), config.settings(), storage.closures(),
                storage.people(), notices, clock);
        ReportCommand report = new ReportCommand();
        List<Command> commands = new ArrayList<>(List.of(
                report, new CorrectCommand(), new WithdrawCommand(),
                new MyTasksCommand(), new TaskCommand(), new OverviewCommand(), new UnitCommand(),
                new MissingCommand(), new ProblemsCommand(), new KpiCommand(),
                new RegisterCommand(), new BindCommand(),
                new ReviewCommand(review), new ReturnReportCommand(review),
                new RequestClosureCommand(closure), new CloseTaskCommand(closure), new ReturnClosureCommand(closure),
                new ClosureStatusCommand(closure),
                new ExportLedgerCommand(new LedgerExport(config, storage), ExportSettings.from(config).dir())));
        List<Command> all = new ArrayList<>(commands);
        all.addAll(extra);
        all.add(new HelpCommand(() -> all));
        this.router = new CommandRouter(all, report);
    }

    public Services services() {
        return services;
    }

    /** The office's review of reports; {@link ReviewService#unchecked} lists what is still unchecked. */
    public ReviewService review() {
        return review;
    }

    public ClosureService closure() {
        return closure;
    }

    public List<Command> commands() {
        return router.commands();
    }

    /** Handles one message. An empty list means the message id was seen before and has been answered already. */
    public List<Reply> handle(InboundMessage message) {
        return accept(message).map(this::answer).orElse(List.of());
    }

    /** A message that is stored and waits for its answer. */
    public record Accepted(long inboundId, InboundMessage message) {
    }

    /**
     * The first half of {@link #handle}: stores the message exactly as it arrived. Transports that must acknowledge
     * before they answer (HTTP callbacks) call this before the acknowledgement and {@link #answer} after it, so that
     * nothing acknowledged is lost.
     *
     * @return empty when the message id was seen before
     */
    public Optional<Accepted> accept(InboundMessage message) {
        OptionalLong stored = storage.inbound().recordIfNew(new InboundRecord(
                message.messageId(), message.transport(), message.senderId(), message.chatId(),
                message.chatType().key(), message.text(), message.quotedText(), message.receivedAt()));
        if (stored.isEmpty()) {
            LOG.info("repeated message id from transport {}; already answered", message.transport());
            return Optional.empty();
        }
        return Optional.of(new Accepted(stored.getAsLong(), message));
    }

    /** The second half of {@link #handle}: interprets a stored message and answers it. */
    public List<Reply> answer(Accepted accepted) {
        InboundMessage message = accepted.message();
        long inboundId = accepted.inboundId();
        Outcome outcome;
        try {
            outcome = interpret(message, inboundId);
        } catch (RuntimeException e) {
            LOG.error("failed to handle inbound message #{}", inboundId, e);
            outcome = new Outcome("error:internal",
                    Reply.of("抱歉，处理您的消息时出错了。消息已保存，管理员会核查；请稍后再试。"));
        }
        storage.inbound().markHandled(inboundId, outcome.code(), services.clock().instant());
        return List.of(outcome.reply());
    }

    private record Outcome(String code, Reply reply) {
    }

    private Outcome interpret(InboundMessage message, long inboundId) {
        int max = config.settings().maxMessageChars();
        String text = InputNormalizer.clean(message.text(), config.settings().botName());
        if (text.codePointCount(0, text.length()) > max) {
            return new Outcome("error:too-long", Reply.of("消息过长（" + text.codePointCount(0, text.length())
                    + " 字），请控制在 " + max + " 字以内，可分几条发送。例如：12 60% 本周进展；问题：…；下一步：…"));
        }
        Optional<Person> person = storage.people().find(message.senderId());
        if (person.isEmpty()) {
            return new Outcome("error:unregistered", Reply.of(unregistered()));
        }
        Optional<ChatBinding> chat = message.chatId().flatMap(storage.chats()::find);
        if (text.isEmpty()) {
            return new Outcome("greeting", Reply.of(person.get().name() + "，您好！我是" + config.settings().botName()
                    + "。报送进度请发：12 60% 本周进展；问题：…；下一步：…；查看命令请发：帮助"));
        }
        if (SocialMessages.isSocial(text)) {
            return new Outcome("social", Reply.of(services.reports().socialAnswer(services.plan(), person.get(), text)));
        }
        Optional<CommandRouter.Route> route = router.route(text);
        if (route.isEmpty()) {
            return new Outcome("error:unknown", Reply.of("抱歉，没有看懂“" + UserText.escape(text, 20)
                    + "”。报送进度请发：12 60% 本周进展；问题：…；下一步：…；查看全部命令请发：帮助"));
        }
        Command command = route.get().command();
        if (!command.access().allows(person.get().role())) {
            return new Outcome("error:forbidden", Reply.of(forbidden(command, person.get())));
        }
        CommandContext ctx = new CommandContext(person.get(), message, inboundId, chat, services);
        return new Outcome("command:" + command.name(), command.handle(ctx, route.get().args()));
    }

    private String forbidden(Command command, Person person) {
        return "“" + command.name() + "”仅限" + (command.access() == Access.ADMIN ? "管理员" : "领导和管理员")
                + "使用。您可以：报送进度（12 60% …）、查看本单位任务（我的任务）。";
    }

    private String unregistered() {
        String admins = storage.people().all().stream().filter(p -> p.role() == Role.ADMIN)
                .map(p -> p.name() + "（" + p.unit() + "）").collect(Collectors.joining("、"));
        return "您好，您还没有在督办助手登记，暂时无法报送或查询。请联系管理员"
                + (admins.isEmpty() ? "" : admins) + "为您登记单位和角色。";
    }
}
