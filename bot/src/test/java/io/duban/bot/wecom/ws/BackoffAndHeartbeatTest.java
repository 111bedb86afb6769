package io.duban.bot.wecom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffAndHeartbeatTest {

    @Test
    void backoffDoublesFromOneSecondUpToThirtyAndResets() {
        Backoff b = Backoff.standard();
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seconds.add(b.delay().toSeconds());
            b = b.next();
        }
        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(b.reset().delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000).delay())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void heartbeatIsDeadAfterTwoMissedAcksInARow() {
        Heartbeat h = new Heartbeat(2);
        assertThat(h.tick()).isEqualTo(Heartbeat.Action.PING);
        h.sent("ping_1");
        assertThat(h.tick()).isEqualTo(Heartbeat.Action.PING); // ping_1 missed
        h.sent("ping_2");
        assertThat(h.tick()).isEqualTo(Heartbeat.Action.DEAD); // ping_2 missed too
    }

    @Test
    void heartbeatAckResetsTheCount() {
        Heartbeat h = new Heartbeat(2);
        h.tick();
        h.sent("ping_1");
        h.tick();
        h.sent("ping_2");
        assertThat(h.acked("other")).isFalse();
        assertThat(h.acked("ping_2")).isTrue();
        assertThat(h.missed()).isZero();
        assertThat(h.tick()).isEqualTo(Heartbeat.Action.PING);
    }

    @Test
    void reqIdsFollowTheSdkShape() {
        var clock = java.time.Clock.fixed(java.time.Instant.ofEpochMilli(1696813200123L), java.time.ZoneOffset.UTC);
        assertThat(new ReqIds(clock).next("aibot_send_msg")).matches("aibot_send_msg_1696813200123_[0-9a-f]{8}");
    }

    @Test
    void framesRoundTripAsInTheProtocolNotes() {
        WsFrame ack = WsFrame.parse("{\"headers\":{\"req_id\":\"ping_1_abcd0123\"},\"errcode\":0,\"errmsg\":\"ok\"}");
        assertThat(ack.isAck()).isTrue();
        assertThat(ack.reqId()).isEqualTo("ping_1_abcd0123");
        WsFrame ping = WsFrame.command("ping", "ping_2_abcd0123",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        assertThat(ping.toJson()).isEqualTo("{\"cmd\":\"ping\",\"headers\":{\"req_id\":\"ping_2_abcd0123\"}}");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WsFrame.parse("[1,2]")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
