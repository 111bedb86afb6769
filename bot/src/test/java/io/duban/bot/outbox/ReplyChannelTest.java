package io.duban.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.engine.ReplyAddressing;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.Reply;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One addressing for every answer: reply:&lt;message id&gt;, delivered by the transport its route names. */
class ReplyChannelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-10-09T01:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    private Storage storage;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private OutboxDrainer drainer;

    @BeforeEach
    void open() {
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"));
        ReplyChannel replies = new ReplyChannel(storage.replyRoutes())
                .on("wecom-callback", recorder("robot"))
                .toSender("wecom-app", recorder("app"));
        drainer = new OutboxDrainer(storage.outbox(), new ChannelRouter().route(Address.Kind.REPLY, replies),
                new RateLimiter(CLOCK), RetryPolicy.DEFAULT, CLOCK, "test", Duration.ofMinutes(1), 10);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private OutboundChannel recorder(String name) {
        return new OutboundChannel() {
            @Override
            public Destination destination(OutboxEntry entry) {
                return new Destination(name, List.of());
            }

            @Override
            public List<String> parts(OutboxEntry entry) {
                return List.of(entry.message().content());
            }

            @Override
            public SendResult send(OutboxEntry entry, Part part) {
                delivered.add(name + " " + entry.message().address().kind().key() + ":"
                        + entry.message().address().value() + " " + part.content()
                        + (entry.message().mentions().isEmpty() ? "" : " @" + entry.message().mentions()));
                return SendResult.ok();
            }
        };
    }

    private void answer(InboundMessage m, Reply reply) {
        storage.replyRoutes().remember(ReplyAddressing.route(m));
        storage.outbox().enqueue(ReplyAddressing.answer(m, reply), CLOCK.instant());
    }

    private static InboundMessage message(String id, String transport, ChatType type) {
        return new InboundMessage(id, transport, "liuyang", type,
                type == ChatType.GROUP ? Optional.of("wr-demo-ngk") : Optional.empty(), "12 60%",
                Optional.empty(), CLOCK.instant());
    }

    @Test
    void aRobotReply_goesThroughItsTransport_addressedToTheMessage_withItsMentions() {
        InboundMessage m = message("CAIQ16", "wecom-callback", ChatType.GROUP).withReplyHandle("https://x/r");
        answer(m, new Reply("已记录", List.of("liuyang")));
        answer(m, new Reply("已记录", List.of("liuyang"))); // the same answer again is not queued twice
        drainer.drainOnce();
        assertThat(delivered).containsExactly("robot reply:CAIQ16 已记录 @[liuyang]");
        assertThat(storage.replyRoutes().find("CAIQ16")).hasValueSatisfying(r -> {
            assertThat(r.transportRef()).isEqualTo("https://x/r");
            assertThat(r.conversationId()).isEqualTo("wr-demo-ngk");
        });
    }

    @Test
    void anAppReply_goesToTheSender_asAPrivateMessage_withoutMentions() {
        answer(message("4561255354251345929", "wecom-app", ChatType.DIRECT), new Reply("第一段", List.of("liuyang")));
        drainer.drainOnce();
        assertThat(delivered).containsExactly("app person:liuyang 第一段");
    }

    @Test
    void aReplyHeardOnATransportThatIsNotRunning_failsWithAReason() {
        answer(message("ws-1", "wecom-ws", ChatType.DIRECT), Reply.of("好的"));
        drainer.drainOnce();
        assertThat(delivered).isEmpty();
        assertThat(storage.outbox().list(List.of(OutboxEntry.Status.FAILED), 10)).singleElement()
                .satisfies(e -> assertThat(e.lastError()).hasValueSatisfying(
                        r -> assertThat(r).contains("wecom-ws", "not running")));
    }
}
