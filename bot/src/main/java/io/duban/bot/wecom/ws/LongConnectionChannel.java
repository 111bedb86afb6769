package io.duban.bot.wecom.ws;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.outbox.Destination;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.RateLimit;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.wecom.MessageSplitter;
import io.duban.bot.wecom.WeComErrors;
import io.duban.bot.wecom.media.MediaCache;
import io.duban.bot.wecom.media.MediaKind;
import io.duban.bot.wecom.media.MediaUpload;
import io.duban.storage.model.FileContent;
import io.duban.storage.ReplyRouteRepository;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ReplyRoute;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox messages over the long connection: replies with {@code aibot_respond_msg} on the callback's req_id
 * (within 24 h; when WeCom no longer knows the req_id, e.g. after a reconnect, as a push into the same
 * conversation), pushes with {@code aibot_send_msg}. WeCom allows 30 messages a minute and 1000 an hour per
 * conversation.
 */
public final class LongConnectionChannel implements OutboundChannel {
    public static final List<RateLimit> LIMITS = List.of(RateLimit.perMinute(30), RateLimit.perHour(1000));
    public static final Duration REPLY_WINDOW = Duration.ofHours(24);

    private final LongConnection connection;
    private final ReplyRouteRepository routes;
    private final Clock clock;
    private final Duration waitForAck;
    private final Optional<MediaCache> media;

    public LongConnectionChannel(LongConnection connection, ReplyRouteRepository routes, Clock clock,
                                 Duration waitForAck) {
        this(connection, routes, clock, waitForAck, Optional.empty());
    }

    /** @param media remembers uploaded files' media ids; without it file and image messages fail with a reason */
    public LongConnectionChannel(LongConnection connection, ReplyRouteRepository routes, Clock clock,
                                 Duration waitForAck, Optional<MediaCache> media) {
        this.connection = connection;
        this.routes = routes;
        this.clock = clock;
        this.waitForAck = waitForAck;
        this.media = media;
    }

    @Override
    public Destination destination(OutboxEntry entry) {
        return new Destination("conversation " + conversation(entry.message().address()), LIMITS);
    }

    private String conversation(Address address) {
        return address.kind() == Address.Kind.REPLY ? route(address.value()).conversationId() : address.value();
    }

    private ReplyRoute route(String messageId) {
        return routes.find(messageId).orElseThrow(() -> new IllegalStateException(
                "no way to answer message " + messageId + ": it was not heard on the long connection"));
    }

    @Override
    public List<String> parts(OutboxEntry entry) {
        OutboundMessage m = entry.message();
        if (m.format() == OutboundMessage.Format.IMAGE || m.format() == OutboundMessage.Format.FILE) {
            return List.of(FileContent.decode(m.content()).describe());
        }
        String content = m.content();
        if (!m.mentions().isEmpty()) {
            content = content + "\n" + String.join(" ", m.mentions().stream().map(u -> "<@" + u + ">").toList());
        }
        return MessageSplitter.split(content, MessageSplitter.AIBOT_MARKDOWN_BYTES);
    }

    @Override
    public SendResult send(OutboxEntry entry, Part part) {
        Address address = entry.message().address();
        OutboundMessage.Format format = entry.message().format();
        if (format == OutboundMessage.Format.IMAGE || format == OutboundMessage.Format.FILE) {
            return sendMedia(address, format == OutboundMessage.Format.IMAGE ? MediaKind.IMAGE : MediaKind.FILE,
                    FileContent.decode(entry.message().content()));
        }
        ObjectNode markdown = JsonNodeFactory.instance.objectNode().put("msgtype", "markdown");
        markdown.putObject("markdown").put("content", part.content());
        return switch (address.kind()) {
            case REPLY -> reply(route(address.value()), markdown);
            case GROUP -> push(address.value(), 2, part.content());
            case PERSON -> push(address.value(), 1, part.content());
        };
    }

    /**
     * Uploads the file in chunks on the connection (or reuses its media id for three days) and sends it by media id:
     * as the reply to the callback, or pushed into the conversation.
     */
    private SendResult sendMedia(Address address, MediaKind kind, FileContent file) {
        if (media.isEmpty()) {
            return SendResult.failed(kind.wireType() + " messages on the long connection need the media cache");
        }
        MediaUpload upload = media.get().mediaId(MEDIA_CHANNEL, file,
                () -> new RobotMediaUploader(connection, waitForAck).upload(kind, file));
        if (upload instanceof MediaUpload.NotUploaded no) {
            return no.why();
        }
        String mediaId = ((MediaUpload.Uploaded) upload).mediaId();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("msgtype", kind.wireType());
        body.putObject(kind.wireType()).put("media_id", mediaId);
        SendResult sent = switch (address.kind()) {
            case REPLY -> {
                ReplyRoute route = route(address.value());
                if (clock.instant().isAfter(route.receivedAt().plus(REPLY_WINDOW))) {
                    yield SendResult.failed("回复期限（收到消息后 24 小时）已过 / the 24 h reply window has passed");
                }
                SendResult r = await("aibot_respond_msg", route.transportRef(), body);
                if (r instanceof SendResult.Failed f && f.reason().startsWith("errcode " + WeComErrors.INVALID_REQ_ID)) {
                    yield await("aibot_send_msg", null, pushBody(route.conversationId(),
                            "group".equals(route.chatType()) ? 2 : 1, body));
                }
                yield r;
            }
            case GROUP -> await("aibot_send_msg", null, pushBody(address.value(), 2, body));
            case PERSON -> await("aibot_send_msg", null, pushBody(address.value(), 1, body));
        };
        if (sent instanceof SendResult.Failed f && f.reason().startsWith("errcode 40007")) {
            media.get().forget(MEDIA_CHANNEL, file);
            return SendResult.retry(f.reason() + " (media id expired; uploading again)");
        }
        return sent;
    }

    private static ObjectNode pushBody(String conversationId, int chatType, ObjectNode message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("chatid", conversationId).put("chat_type", chatType);
        body.setAll(message);
        return body;
    }

    /** Media ids of the intelligent robot, in the media cache. */
    static final String MEDIA_CHANNEL = "aibot";

    private SendResult reply(ReplyRoute route, ObjectNode markdown) {
        if (clock.instant().isAfter(route.receivedAt().plus(REPLY_WINDOW))) {
            return SendResult.failed("回复期限（收到消息后 24 小时）已过 / the 24 h reply window has passed");
        }
        SendResult result = await("aibot_respond_msg", route.transportRef(), markdown);
        if (result instanceof SendResult.Failed f && f.reason().startsWith("errcode " + WeComErrors.INVALID_REQ_ID)) {
            return push(route.conversationId(), "group".equals(route.chatType()) ? 2 : 1,
                    markdown.path("markdown").path("content").asText());
        }
        return result;
    }

    /**
     * A standby never started the connection (IDLE), and one that lost the lease stopped it (STOPPED): the active
     * instance sends what needs the long connection.
     */
    @Override
    public boolean sendsElsewhere(OutboxEntry entry) {
        ConnectionState state = connection.state();
        return state == ConnectionState.IDLE || state == ConnectionState.STOPPED;
    }

    private SendResult push(String conversationId, int chatType, String content) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("chatid", conversationId)
                .put("chat_type", chatType)
                .put("msgtype", "markdown");
        body.putObject("markdown").put("content", content);
        return await("aibot_send_msg", null, body);
    }

    private SendResult await(String cmd, String reqId, ObjectNode body) {
        try {
            WsFrame ack = connection.request(cmd, reqId, body).get(waitForAck.toMillis(), TimeUnit.MILLISECONDS);
            return WeComErrors.classify(ack.errcodeOrZero(), ack.errmsg());
        } catch (ExecutionException e) {
            String reason = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            if (connection.state() != ConnectionState.ONLINE) {
                return SendResult.unavailable(reason);
            }
            return SendResult.retry(reason);
        } catch (TimeoutException e) {
            return SendResult.retry("no ack for " + cmd + " within " + waitForAck.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted");
        }
    }
}
