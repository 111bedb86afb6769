package io.duban.bot.engine;

import io.duban.bot.command.Access;
import io.duban.bot.command.ClosureWords;
import io.duban.bot.command.Command;
import io.duban.bot.command.CommandContext;
import io.duban.bot.command.CommandRouter;
import io.duban.bot.command.LeaderQuestions;
import io.duban.bot.command.ReportReplies;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import io.duban.bot.message.Reply;
import io.duban.bot.report.SocialMessages;
import io.duban.bot.report.normalize.InputNormalizer;
import io.duban.config.ConfigDirectory;
import io.duban.roster.ChatBinding;
import io.duban.roster.ChatKind;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.bot.message.ChatType;
import io.duban.storage.InboundMessageRepository;
import io.duban.storage.Storage;
import io.duban.storage.StorageFault;
import io.duban.storage.model.Address;
import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.StoredInbound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation engine behind the {@link InboundPort}: stores a message before it interprets it, answers a
 * repeated message id only once, and answers every other message, including ones it cannot read (images, files),
 * ones from people it does not know and ones it fails on. The answer goes into the outbox addressed by
 * {@link ReplyAddressing}; the transports deliver it.
 */
public final class BotEngine implements InboundPort {
    private static final Logger LOG = LoggerFactory.getLogger(BotEngine.class);
    static final String PICTURES_NOT_KEPT = "\n（消息中的图片暂不保存，以上按文字处理。）";
    static final String INTERNAL_ERROR = "抱歉，处理您的消息时出错了。消息已保存，管理员会核查；请稍后再试。";

    private final ConfigDirectory config;
    private final Storage storage;
    private final Clock clock;
    private final CurrentPlan plans;
    private final ReportReplies reports;
    private final CommandRouter router;
    private final StorageProblems problems;

    /**
     * Built once by {@link io.duban.bot.App}, with the commands (each holding the services it works with).
     *
     * @param reports answers a social message ({@code 收到}, {@code 谢谢}) with what the unit still owes
     */
    public BotEngine(ConfigDirectory config, Storage storage, Clock clock, CurrentPlan plans, ReportReplies reports,
                     CommandRouter router) {
        this(config, storage, clock, plans, reports, router, new StorageProblems(clock));
    }

    /** @param problems where storage faults are noted for the log and {@code ./duban status} */
    public BotEngine(ConfigDirectory config, Storage storage, Clock clock, CurrentPlan plans, ReportReplies reports,
                     CommandRouter router, StorageProblems problems) {
        this.config = config;
        this.storage = storage;
        this.clock = clock;
        this.plans = plans;
        this.reports = reports;
        this.router = router;
        this.problems = problems;
    }

    /** The storage faults met so far. */
    public StorageProblems storageProblems() {
        return problems;
    }

    /** Runs a unit of work; a storage fault is noted (one log line) and thrown on for the transport to answer. */
    private <T> T unit(java.util.function.Supplier<T> work) {
        try {
            return storage.inTransaction(work);
        } catch (StorageFault fault) {
            problems.report(fault);
            throw fault;
        }
    }

    public List<Command> commands() {
        return router.commands();
    }

    @Override
    public String welcome(String userId) {
        return Welcome.to(storage.people().find(userId));
    }

    /**
     * Stores the message and its reply route in one short transaction. A repeated delivery of a message that has an
     * answer already is not answered again; one whose first delivery is still without an answer (the bot stopped
     * before answering) gets its answer now.
     */
    @Override
    public Optional<PendingAnswer> accept(InboundMessage message) {
        return unit(() -> store(message).map(received ->
                () -> answer(message, received.id(), Lateness.ON_TIME, true)));
    }

    /**
     * Answers the messages in one transaction (each still under its own savepoint for its interpretation): a burst
     * of callbacks costs one commit for several answers (measured: 0.63 × the CPU per answer in fours, 0.52 × in
     * sixteens). Acknowledging comes first, though: as soon as another transaction waits to write (the group commit
     * storing the next callbacks before their 200), this one commits after the answer at hand, so an acknowledgement
     * waits for at most one answer, not a batch (measured with whole batches: callback p99 0.7 → 1.0–1.2 × the bare
     * server). A storage fault ends the whole batch; nothing of it is kept.
     */
    @Override
    public int answerTogether(List<PendingAnswer> pending) {
        return unit(() -> {
            int answered = 0;
            for (PendingAnswer p : pending) {
                p.answer();
                answered++;
                if (storage.database().othersWaitToWrite()) {
                    break;
                }
            }
            return answered;
        });
    }

    /** The stored row of a message that still needs its answer; empty when it has one. */
    private Optional<InboundMessageRepository.Received> store(InboundMessage message) {
        return unit(() -> {
            // a repeated delivery may carry a newer handle (the long connection's req_id after a reconnect)
            storage.replyRoutes().remember(ReplyAddressing.route(message));
            InboundMessageRepository.Received received = storage.inbound().receive(record(message));
            if (!received.isNew() && received.stored().answered()) {
                LOG.info("message {} from transport {} delivered again; it was answered already", message.messageId(),
                        message.transport());
                return Optional.empty();
            }
            if (!received.isNew()) {
                LOG.info("message {} from transport {} delivered again before it was answered; answering it now",
                        message.messageId(), message.transport());
            }
            return Optional.of(received);
        });
    }

    /**
     * Stores, interprets and answers in one transaction: the inbound row, the report rows, the outcome and the
     * reply's outbox row commit together. When the interpretation fails, its writes are undone and the raw message
     * commits with the apology as its answer.
     */
    @Override
    public Optional<OutboxEntry> receive(InboundMessage message) {
        // a row stored by this very transaction cannot have been answered by anyone else: no need to take it
        return unit(() -> store(message).flatMap(received ->
                answer(message, received.id(), Lateness.ON_TIME, !received.isNew())));
    }

    /** How late an answer is: on time, or past the transport's reply window (then sent proactively, prefixed). */
    public enum Lateness { ON_TIME, PAST_REPLY_WINDOW }

    /** The prefix of an answer sent after the reply window, as a new message into the conversation. */
    public static final String LATE_PREFIX = "稍晚回复：";

    /**
     * Answers a stored message that has no answer yet (found after a restart, or left by another instance), at most
     * once: {@code empty} when somebody answered it meanwhile.
     */
    public Optional<OutboxEntry> answerStored(StoredInbound stored, Lateness lateness) {
        return answer(inbound(stored), stored.id(), lateness, true);
    }

    /** @param take whether to take the row first (it may have been answered since it was stored) */
    private Optional<OutboxEntry> answer(InboundMessage message, long inboundId, Lateness lateness, boolean take) {
        return unit(() -> {
            if (take && !storage.inbound().takeForAnswer(inboundId)) {
                LOG.info("message {} was answered meanwhile; not answering it again", message.messageId());
                return Optional.empty();
            }
            Outcome outcome = storage.attempt(() -> interpret(message, inboundId), e -> {
                LOG.error("inbound message #{} from {} could not be answered, the sender was told: {}", inboundId,
                        message.transport(), e.toString());
                LOG.debug("inbound message #{} failed", inboundId, e);
                return new Outcome("error:internal", Reply.of(INTERNAL_ERROR));
            });
            if (message.kind() == MessageKind.TEXT_WITH_PICTURES) {
                outcome = new Outcome(outcome.code(), new Reply(outcome.reply().text() + PICTURES_NOT_KEPT,
                        outcome.reply().mentions()));
            }
            storage.inbound().markAnswered(inboundId, outcome.code(), clock.instant());
            Optional<OutboxEntry> entry = storage.outbox().enqueue(addressed(message, outcome.reply(), lateness),
                    clock.instant());
            // files and pictures follow the text (导出, 图表), in the same transaction
            for (OutboundMessage attachment : ReplyAddressing.attachments(message, outcome.reply())) {
                storage.outbox().enqueue(lateness == Lateness.ON_TIME
                        || attachment.address().kind() != Address.Kind.REPLY ? attachment
                        : new OutboundMessage(message.chatId().map(Address::group)
                                .orElse(Address.person(message.senderId())), attachment.format(), attachment.content(),
                                attachment.mentions(), attachment.dedupeKey()), clock.instant());
            }
            return entry;
        });
    }

    private static OutboundMessage addressed(InboundMessage message, Reply reply, Lateness lateness) {
        OutboundMessage answer = ReplyAddressing.answer(message, reply);
        if (lateness == Lateness.ON_TIME) {
            return answer;
        }
        // past the reply window: a new message into the same conversation
        Address conversation = message.chatId().map(Address::group).orElse(Address.person(message.senderId()));
        return new OutboundMessage(conversation, answer.format(), LATE_PREFIX + answer.content(), answer.mentions(),
                answer.dedupeKey());
    }

    private static InboundRecord record(InboundMessage message) {
        return new InboundRecord(message.messageId(), message.transport(), message.senderId(), message.chatId(),
                message.chatType().key(), message.text(), message.quotedText(), message.receivedAt());
    }

    /** The message as the transport first handed it over, rebuilt from its stored row. */
    static InboundMessage inbound(StoredInbound stored) {
        InboundRecord r = stored.message();
        ChatType chatType = ChatType.GROUP.key().equals(r.chatType()) ? ChatType.GROUP : ChatType.DIRECT;
        MessageKind kind = java.util.Arrays.stream(MessageKind.values())
                .filter(k -> k != MessageKind.TEXT && k.placeholder().equals(r.text()))
                .findFirst().orElse(MessageKind.TEXT);
        return new InboundMessage(r.messageId(), r.transport(), r.senderId(), chatType, r.chatId(), kind, r.text(),
                r.quotedText(), r.receivedAt(), Optional.empty());
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
        if (!message.kind().hasText()) {
            return new Outcome("error:not-text", Reply.of(notText(message.kind())));
        }
        Optional<ChatBinding> chat = message.chatId().flatMap(storage.chats()::find);
        if (text.isEmpty()) {
            return new Outcome("greeting", Reply.of(person.get().name() + "，您好！我是" + config.settings().botName()
                    + "。报送进度请发：12 60% 本周进展；问题：…；下一步：…；查看命令请发：帮助"));
        }
        if (SocialMessages.isSocial(text)) {
            return new Outcome("social", Reply.of(reports.socialAnswer(plans.get(), person.get(), text)));
        }
        text = SocialMessages.stripLeading(text); // 好的，12 60% …
        // 办结 3: 销号, 申请办结 or a report? Nothing is done; the answer says what to send
        Optional<String> closing = ClosureWords.answer(text, person.get(), plans.get(), config.organization());
        if (closing.isPresent()) {
            return new Outcome("hint:closure", Reply.of(closing.get()));
        }
        Optional<CommandRouter.Route> route = router.route(text);
        boolean asks = asksRatherThanReports(person.get(), chat, route.isEmpty());
        if (asks && (route.isEmpty() || router.isReport(route.get()))) { // a command word keeps its command
            // 12, 任务十二怎么样, 农管科, 哪些单位没报: a leader's question, answered by its command
            Optional<CommandRouter.Route> question = LeaderQuestions.read(text, config.organization().units())
                    .flatMap(router::route);
            if (question.isPresent()) {
                route = question;
            }
        }
        if (route.isEmpty()) {
            return new Outcome("error:unknown", Reply.of(NotUnderstood.answer(text, asks)));
        }
        Command command = route.get().command();
        if (!command.access().allows(person.get().role())) {
            return new Outcome("error:forbidden", Reply.of(forbidden(command, person.get().role())));
        }
        CommandContext ctx = new CommandContext(person.get(), message, inboundId, chat);
        return new Outcome("command:" + command.name(), command.handle(ctx, route.get().args()));
    }

    /**
     * Whether a short question is read as a leader's question: from a leader anywhere, from an admin in the leaders'
     * group or when it is no command at all (admins also report for their own unit).
     */
    private static boolean asksRatherThanReports(Person person, Optional<ChatBinding> chat, boolean noCommand) {
        Role role = person.role();
        boolean leadersChat = chat.map(c -> c.kind() == ChatKind.LEADERS).orElse(false);
        return role == Role.LEADER || (role == Role.ADMIN && (leadersChat || noCommand));
    }

    static String notText(MessageKind kind) {
        return "抱歉，目前只能读懂文字消息，" + kind.label() + "的内容我看不到。请直接输入文字，例如：12 60% 本周进展；"
                + "查看命令请发：帮助";
    }

    /** Says who may use the command and what the sender can do instead: a leader queries, staff report. */
    private static String forbidden(Command command, Role role) {
        String who = "“" + command.name() + "”仅限" + (command.access() == Access.ADMIN ? "管理员" : "领导和管理员") + "使用。";
        if (role == Role.LEADER) {
            return who + "如需办理请告知办公室；您可以发：进度、未报送、问题、指标、图表。";
        }
        return who + "您可以：报送进度（12 60% …）、查看本单位任务（我的任务）。";
    }

    private String unregistered() {
        String admins = storage.people().all().stream().filter(p -> p.role() == Role.ADMIN)
                .map(p -> p.name() + "（" + p.unit() + "）").collect(Collectors.joining("、"));
        return "您好，您还没有在督办助手登记，暂时无法报送或查询。请联系管理员"
                + (admins.isEmpty() ? "" : admins) + "为您登记单位和角色。";
    }
}
