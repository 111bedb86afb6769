package io.duban.bot.wecom.ws;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.engine.ChatType;
import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import io.duban.storage.OutboxRepository;
import io.duban.storage.ReplyRouteRepository;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.ReplyRoute;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound side of the long connection: each message callback becomes an {@link InboundMessage} for the
 * conversation, its reply route (msgid → req_id) is stored, and every reply goes into the outbox addressed
 * {@link Address#reply}. {@code enter_chat} gets the welcome at once (WeCom wants it within 5 s).
 */
public final class LongConnectionInbound implements LongConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(LongConnectionInbound.class);

    public static final String WELCOME = """
            您好，我是督办助手，负责跟踪年度工作计划的进展。
            在群里 @督办助手 或在这里直接发消息即可汇报任务进展、查询任务状态；发送“帮助”查看汇报格式和示例。""";
    public static final String SORRY = "抱歉，处理这条消息时出错了，消息已记录。请稍后再试，或联系管理员。";

    private final Conversation conversation;
    private final OutboxRepository outbox;
    private final ReplyRouteRepository routes;
    private final Runnable nudge;
    private final Clock clock;
    private final Executor worker;
    private final Supplier<LongConnection> connection;

    /**
     * @param worker     runs the conversation off the connection's thread, one message at a time (keeps order)
     * @param connection the connection, for the welcome (set after construction)
     */
    public LongConnectionInbound(Conversation conversation, OutboxRepository outbox, ReplyRouteRepository routes,
                                 Runnable nudge, Clock clock, Executor worker, Supplier<LongConnection> connection) {
        this.conversation = conversation;
        this.outbox = outbox;
        this.routes = routes;
        this.nudge = nudge;
        this.clock = clock;
        this.worker = worker;
        this.connection = connection;
    }

    @Override
    public void onMessage(WsFrame callback) {
        worker.execute(() -> {
            try {
                handle(callback);
            } catch (RuntimeException e) {
                // e.g. the database is unreachable: WeCom repeats undelivered callbacks, and the engine de-duplicates
                LOG.error("WeCom callback {} could not be stored or answered: {}", callback.reqId(), e.toString(), e);
            }
        });
    }

    void handle(WsFrame callback) {
        InboundMessage message;
        try {
            message = CallbackMapper.toInbound(callback.body(), clock.instant());
        } catch (IllegalArgumentException e) {
            LOG.warn("WeCom callback {} ignored: {}", callback.reqId(), e.getMessage());
            return;
        }
        LOG.info("message {} from {} in {}", message.messageId(), message.senderId(),
                message.chatId().map(c -> "group " + c).orElse("a 1:1 chat"));
        routes.remember(new ReplyRoute(message.messageId(), CallbackMapper.TRANSPORT, callback.reqId(),
                message.chatId().orElse(message.senderId()), message.chatType().key(), message.receivedAt()));
        List<Reply> replies;
        try {
            replies = conversation.handle(message);
        } catch (RuntimeException e) {
            LOG.error("message {} from {}: the engine failed: {}", message.messageId(), message.senderId(),
                    e.toString(), e);
            enqueue(message, "error", Reply.of(SORRY));
            nudge.run();
            return;
        }
        for (int i = 0; i < replies.size(); i++) {
            enqueue(message, String.valueOf(i), replies.get(i));
        }
        if (!replies.isEmpty()) {
            nudge.run();
        }
    }

    private void enqueue(InboundMessage message, String n, Reply reply) {
        List<String> mentions = message.chatType() == ChatType.GROUP ? reply.mentions() : List.of();
        outbox.enqueue(new OutboundMessage(Address.reply(message.messageId()), OutboundMessage.Format.MARKDOWN,
                reply.text(), mentions, Optional.of("reply:" + message.messageId() + ":" + n)), clock.instant());
    }

    @Override
    public void onStateChange(ConnectionState state) {
        if (state == ConnectionState.ONLINE) {
            nudge.run(); // replies that waited for the connection can go now
        }
    }

    @Override
    public void onEvent(WsFrame callback) {
        String type = callback.body().path("event").path("eventtype").asText("");
        if ("enter_chat".equals(type)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("msgtype", "text");
            body.putObject("text").put("content", WELCOME);
            connection.get().request("aibot_respond_welcome_msg", callback.reqId(), body)
                    .whenComplete((ack, e) -> {
                        if (e != null || ack.errcodeOrZero() != 0) {
                            LOG.warn("welcome for {} not delivered: {}",
                                    callback.body().path("from").path("userid").asText("?"),
                                    e != null ? e.getMessage() : "errcode " + ack.errcodeOrZero());
                        }
                    });
        } else {
            LOG.debug("WeCom event {} ignored", type);
        }
    }
}
