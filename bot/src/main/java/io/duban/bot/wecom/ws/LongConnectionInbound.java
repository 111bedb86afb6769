package io.duban.bot.wecom.ws;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.engine.InboundPort;
import io.duban.bot.engine.StorageProblems;
import io.duban.storage.StorageFault;
import java.util.Optional;
import io.duban.bot.message.InboundMessage;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound side of the long connection: each message callback becomes an {@link InboundMessage} (with the
 * callback's req_id as its reply handle) for the engine's {@link InboundPort}; the engine puts the answer into the
 * outbox and {@link LongConnectionChannel} delivers it. {@code enter_chat} gets the welcome at once (WeCom wants it
 * within 5 s, on the event's own req_id).
 */
public final class LongConnectionInbound implements LongConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(LongConnectionInbound.class);

    public static final String WELCOME = """
            您好，我是督办助手，负责跟踪年度工作计划的进展。
            在群里 @督办助手 或在这里直接发消息即可汇报任务进展、查询任务状态；发送“帮助”查看汇报格式和示例。""";

    private final InboundPort port;
    private final Runnable nudge;
    private final Clock clock;
    private final Executor worker;
    private final Supplier<LongConnection> connection;

    /**
     * @param nudge      wakes the outbox after an answer was enqueued
     * @param worker     runs the engine off the connection's thread, one message at a time (keeps order)
     * @param connection the connection, for the welcome (set after construction)
     */
    public LongConnectionInbound(InboundPort port, Runnable nudge, Clock clock, Executor worker,
                                 Supplier<LongConnection> connection) {
        this.port = port;
        this.nudge = nudge;
        this.clock = clock;
        this.worker = worker;
        this.connection = connection;
    }

    /**
     * Stores the message on the connection's thread, so that it is durable before it waits anywhere in memory, then
     * answers it on the worker (one at a time, in order). When it cannot be stored, the sender is told so at once on
     * the callback's own req_id, not through the outbox (which lives in the same database).
     */
    @Override
    public void onMessage(WsFrame callback) {
        InboundMessage message;
        try {
            message = CallbackMapper.toInbound(callback.body(), clock.instant()).withReplyHandle(callback.reqId());
        } catch (IllegalArgumentException e) {
            LOG.warn("WeCom callback {} ignored: {}", callback.reqId(), e.getMessage());
            return;
        }
        LOG.info("message {} from {} in {}", message.messageId(), message.senderId(),
                message.chatId().map(c -> "group " + c).orElse("a 1:1 chat"));
        Optional<InboundPort.PendingAnswer> pending;
        try {
            pending = port.accept(message);
        } catch (StorageFault e) {
            tellCannotStore(callback, message);
            return;
        } catch (RuntimeException e) {
            // nothing was stored, so a repeated delivery is answered
            LOG.error("message {} could not be stored: {}", message.messageId(), e.toString(), e);
            return;
        }
        pending.ifPresent(p -> worker.execute(() -> answer(message, p)));
    }

    private void answer(InboundMessage message, InboundPort.PendingAnswer pending) {
        try {
            if (pending.answer().isPresent()) {
                nudge.run();
            }
        } catch (RuntimeException e) {
            // stored: the engine's recovery pass answers it once the cause is gone
            LOG.error("message {} is stored but could not be answered yet: {}", message.messageId(), e.toString());
        }
    }

    private void tellCannotStore(WsFrame callback, InboundMessage message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", StorageProblems.CANNOT_STORE);
        connection.get().request("aibot_respond_msg", callback.reqId(), body).whenComplete((ack, e) -> {
            if (e != null || ack.errcodeOrZero() != 0) {
                LOG.warn("could not tell {} that message {} was not stored: {}", message.senderId(),
                        message.messageId(), e != null ? e.getMessage() : "errcode " + ack.errcodeOrZero());
            }
        });
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
