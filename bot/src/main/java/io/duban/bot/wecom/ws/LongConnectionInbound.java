package io.duban.bot.wecom.ws;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.engine.InboundPort;
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

    @Override
    public void onMessage(WsFrame callback) {
        worker.execute(() -> {
            try {
                handle(callback);
            } catch (RuntimeException e) {
                // e.g. the database is unreachable: nothing was stored, so a repeated delivery is answered
                LOG.error("WeCom callback {} could not be stored or answered: {}", callback.reqId(), e.toString(), e);
            }
        });
    }

    void handle(WsFrame callback) {
        InboundMessage message;
        try {
            message = CallbackMapper.toInbound(callback.body(), clock.instant()).withReplyHandle(callback.reqId());
        } catch (IllegalArgumentException e) {
            LOG.warn("WeCom callback {} ignored: {}", callback.reqId(), e.getMessage());
            return;
        }
        LOG.info("message {} from {} in {}", message.messageId(), message.senderId(),
                message.chatId().map(c -> "group " + c).orElse("a 1:1 chat"));
        if (port.receive(message).isPresent()) {
            nudge.run();
        }
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
