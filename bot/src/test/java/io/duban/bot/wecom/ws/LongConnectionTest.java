package io.duban.bot.wecom.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.ManualScheduler;
import io.duban.bot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LongConnectionTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-09T01:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<WsFrame> messages = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private FakeWeCom wecom;
    private LongConnection connection;

    @BeforeEach
    void startFake() throws Exception {
        wecom = FakeWeCom.startOnLoopback();
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        wecom.stop(1000);
    }

    private LongConnection connect(String secret) {
        connection = new LongConnection(LongConnectionConfig.standard(wecom.url(), FakeWeCom.BOT_ID, secret,
                Optional.empty()), new LongConnection.Listener() {
                    @Override
                    public void onMessage(WsFrame callback) {
                        messages.add(callback);
                    }

                    @Override
                    public void onEvent(WsFrame callback) {
                        messages.add(callback);
                    }

                    @Override
                    public void onStateChange(ConnectionState state) {
                        states.add(state);
                    }
                }, scheduler, clock);
        connection.start();
        return connection;
    }

    private void awaitState(ConnectionState state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.state() == state);
    }

    @Test
    void givenGoodCredentials_whenConnecting_thenSubscribesAndGoesOnline() {
        connect(FakeWeCom.SECRET);
        awaitState(ConnectionState.ONLINE);

        JsonNode subscribe = wecom.frames("aibot_subscribe").get(0);
        assertThat(subscribe.path("body").path("bot_id").asText()).isEqualTo(FakeWeCom.BOT_ID);
        assertThat(subscribe.path("body").path("secret").asText()).isEqualTo(FakeWeCom.SECRET);
        assertThat(subscribe.path("headers").path("req_id").asText())
                .matches("aibot_subscribe_" + clock.millis() + "_[0-9a-f]{8}");
        assertThat(states).containsSubsequence(ConnectionState.CONNECTING, ConnectionState.SUBSCRIBING,
                ConnectionState.ONLINE);
    }

    @Test
    void givenOnline_everyThirtySeconds_aPingIsSentAndAcked() {
        connect(FakeWeCom.SECRET);
        awaitState(ConnectionState.ONLINE);

        scheduler.advance(Duration.ofSeconds(29));
        assertThat(wecom.frames("ping")).isEmpty();
        scheduler.advance(Duration.ofSeconds(1));
        await().until(() -> wecom.frames("ping").size() == 1);
        JsonNode ping = wecom.frames("ping").get(0);
        assertThat(ping.has("body")).isFalse();
        assertThat(ping.path("headers").path("req_id").asText()).startsWith("ping_");
        // the ack clears the ack timeout; after more rounds we are still online on the first connection
        await().until(() -> scheduler.waiting() == 1);
        scheduler.advance(Duration.ofSeconds(30));
        await().until(() -> wecom.frames("ping").size() == 2);
        scheduler.advance(Duration.ofSeconds(30));
        await().until(() -> wecom.frames("ping").size() == 3);
        assertThat(connection.state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(wecom.connections.get()).isEqualTo(1);
    }

    @Test
    void givenTwoPingsUnanswered_thenReconnectsAfterBackoffAndSubscribesAgain() {
        connect(FakeWeCom.SECRET);
        awaitState(ConnectionState.ONLINE);
        wecom.answerPings = false;

        scheduler.advance(Duration.ofSeconds(30));
        await().until(() -> wecom.frames("ping").size() == 1);
        scheduler.advance(Duration.ofSeconds(30)); // first missed
        await().until(() -> wecom.frames("ping").size() == 2);
        assertThat(connection.state()).isEqualTo(ConnectionState.ONLINE);
        scheduler.advance(Duration.ofSeconds(30)); // second missed: dead
        awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertThat(connection.lastProblem()).contains("2 pings unanswered");

        wecom.answerPings = true;
        scheduler.advance(Duration.ofMillis(999));
        assertThat(wecom.connections.get()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        awaitState(ConnectionState.ONLINE);
        assertThat(wecom.connections.get()).isEqualTo(2);
        assertThat(wecom.subscriptions.get()).isEqualTo(2);
        assertThat(connection.reconnects()).isEqualTo(1);
    }

    @Test
    void givenServerDropsTheLink_thenBackoffDoublesUntilItComesBack() throws Exception {
        connect(FakeWeCom.SECRET);
        awaitState(ConnectionState.ONLINE);
        int port = wecom.getPort();
        wecom.stop(1000);
        awaitState(ConnectionState.WAITING_TO_RECONNECT);

        // nobody listens: attempts at +1 s, then +2 s, then +4 s
        scheduler.advance(Duration.ofSeconds(1));
        await().until(() -> connection.reconnects() == 2);
        awaitState(ConnectionState.WAITING_TO_RECONNECT);
        scheduler.advance(Duration.ofSeconds(2));
        await().until(() -> connection.reconnects() == 3);
        awaitState(ConnectionState.WAITING_TO_RECONNECT);

        FakeWeCom restarted = FakeWeCom.startOnLoopback(port);
        wecom = restarted;
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(connection.state()).isEqualTo(ConnectionState.WAITING_TO_RECONNECT);
        scheduler.advance(Duration.ofSeconds(1));
        awaitState(ConnectionState.ONLINE);
        assertThat(restarted.subscriptions.get()).isEqualTo(1);
    }

    @Test
    void givenBadSecret_thenAuthFailsAndItNeverReconnects() {
        connect("wrong-secret-wrong");
        awaitState(ConnectionState.AUTH_FAILED);
        assertThat(connection.lastProblem()).contains("853000").doesNotContain("wrong-secret-wrong");

        scheduler.advance(Duration.ofMinutes(10));
        assertThat(wecom.connections.get()).isEqualTo(1);
        assertThat(wecom.frames("aibot_subscribe")).hasSize(1);
        assertThat(connection.state()).isEqualTo(ConnectionState.AUTH_FAILED);
    }

    @Test
    void givenDisconnectedEvent_thenItStandsDownWithoutReconnecting() {
        connect(FakeWeCom.SECRET);
        awaitState(ConnectionState.ONLINE);

        wecom.sendEvent("disconnected_event", "");
        awaitState(ConnectionState.KICKED);
        await().until(() -> !wecom.hasOpenConnection());

        scheduler.advance(Duration.ofMinutes(10));
        assertThat(wecom.connections.get()).isEqualTo(1);
        assertThat(connection.state()).isEqualTo(ConnectionState.KICKED);
        assertThat(messages).isEmpty();
    }

    /** The fake kicks like WeCom when asked to (the restart-loop test counts on it to count kicks). */
    @Test
    void givenASecondSubscribe_theFakeKicksTheFirst_andCountsIt() {
        wecom.kickOnSubscribe = true;
        LongConnection first = connect(FakeWeCom.SECRET);
        awaitState(ConnectionState.ONLINE);
        LongConnection second = connect(FakeWeCom.SECRET);
        try {
            awaitState(ConnectionState.ONLINE);
            await().atMost(Duration.ofSeconds(10)).until(() -> first.state() == ConnectionState.KICKED);
            assertThat(wecom.kicks.get()).isEqualTo(1);
            assertThat(wecom.subscriptions.get()).isEqualTo(2);
        } finally {
            first.close();
        }
    }

    @Test
    void givenARequest_thenItsAckIsMatchedByReqId() throws Exception {
        connect(FakeWeCom.SECRET);
        awaitState(ConnectionState.ONLINE);
        wecom.errcodes.put("aibot_send_msg", new java.util.ArrayList<>(List.of(45009)));

        WsFrame first = connection.request("aibot_send_msg", null,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()).get();
        WsFrame second = connection.request("aibot_send_msg", "my_req_1",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()).get();

        assertThat(first.errcodeOrZero()).isEqualTo(45009);
        assertThat(second.errcodeOrZero()).isZero();
        assertThat(second.reqId()).isEqualTo("my_req_1");
    }

    @Test
    void givenNoAckWithinFiveSeconds_thenTheRequestFails() {
        connect(FakeWeCom.SECRET);
        awaitState(ConnectionState.ONLINE);
        wecom.answerPings = false;
        var ack = connection.request("ping", null,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        scheduler.advance(Duration.ofSeconds(5));
        await().until(ack::isDone);
        assertThat(ack).isCompletedExceptionally();
    }
}
