package io.duban.bot.engine;

import io.duban.bot.command.Access;
import io.duban.bot.command.Command;
import io.duban.bot.command.CommandContext;
import io.duban.bot.command.CommandRouter;
import io.duban.bot.command.Services;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import io.duban.bot.message.Reply;
import io.duban.bot.report.SocialMessages;
import io.duban.bot.report.normalize.InputNormalizer;
import io.duban.bot.text.UserText;
import io.duban.config.ConfigDirectory;
import io.duban.roster.ChatBinding;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.Storage;
import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.OutboxEntry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
    private final Services services;
    private final CommandRouter router;

    /** Built once by {@link io.duban.bot.App}, with the commands and the services they work with. */
    public BotEngine(ConfigDirectory config, Storage storage, Clock clock, Services services, CommandRouter router) {
        this.config = config;
        this.storage = storage;
        this.clock = clock;
        this.services = services;
        this.router = router;
    }

    public List<Command> commands() {
        return router.commands();
    }

    @Override
    public Optional<PendingAnswer> accept(InboundMessage message) {
        // a repeated delivery may carry a newer handle (the long connection's req_id after a reconnect)
        storage.replyRoutes().remember(ReplyAddressing.route(message));
        OptionalLong stored = storage.inbound().recordIfNew(new InboundRecord(
                message.messageId(), message.transport(), message.senderId(), message.chatId(),
                message.chatType().key(), message.text(), message.quotedText(), message.receivedAt()));
        if (stored.isEmpty()) {
            LOG.info("repeated message id from transport {}; already answered", message.transport());
            return Optional.empty();
        }
        long inboundId = stored.getAsLong();
        return Optional.of(() -> answer(message, inboundId));
    }

    private Optional<OutboxEntry> answer(InboundMessage message, long inboundId) {
        Outcome outcome;
        try {
            outcome = interpret(message, inboundId);
            if (message.kind() == MessageKind.TEXT_WITH_PICTURES) {
                outcome = new Outcome(outcome.code(), new Reply(outcome.reply().text() + PICTURES_NOT_KEPT,
                        outcome.reply().mentions()));
            }
        } catch (RuntimeException e) {
            LOG.error("failed to handle inbound message #{}: {}", inboundId, e.toString(), e);
            outcome = new Outcome("error:internal", Reply.of(INTERNAL_ERROR));
        }
        Optional<OutboxEntry> entry = storage.outbox().enqueue(ReplyAddressing.answer(message, outcome.reply()),
                clock.instant());
        storage.inbound().markHandled(inboundId, outcome.code(), clock.instant());
        return entry;
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
            return new Outcome("social", Reply.of(services.reports().socialAnswer(services.plan(), person.get(), text)));
        }
        text = SocialMessages.stripLeading(text); // 好的，12 60% …
        Optional<CommandRouter.Route> route = router.route(text);
        if (route.isEmpty()) {
            return new Outcome("error:unknown", Reply.of("抱歉，没有看懂“" + UserText.escape(text, 20)
                    + "”。报送进度请发：12 60% 本周进展；问题：…；下一步：…；查看全部命令请发：帮助"));
        }
        Command command = route.get().command();
        if (!command.access().allows(person.get().role())) {
            return new Outcome("error:forbidden", Reply.of(forbidden(command)));
        }
        CommandContext ctx = new CommandContext(person.get(), message, inboundId, chat, services);
        return new Outcome("command:" + command.name(), command.handle(ctx, route.get().args()));
    }

    static String notText(MessageKind kind) {
        return "抱歉，目前只能读懂文字消息，" + kind.label() + "的内容我看不到。请直接输入文字，例如：12 60% 本周进展；"
                + "查看命令请发：帮助";
    }

    private static String forbidden(Command command) {
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
