package io.duban.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoClockTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant DEMO = Instant.parse("2023-10-09T01:00:00Z");

    @Test
    void startsAtTheDemoMoment_onAnEmptyDatabase() {
        DemoClock clock = new DemoClock(Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), SHANGHAI), DEMO);
        assertThat(clock.resumeAfter(Optional.empty())).isFalse();
        assertThat(clock.instant()).isEqualTo(DEMO);
    }

    @Test
    void resumesAfterTheLastStoredMessage_soEarlierReportsAreNotInTheFuture() {
        DemoClock clock = new DemoClock(Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), SHANGHAI), DEMO);
        Instant lastTyped = DEMO.plusSeconds(95);
        assertThat(clock.resumeAfter(Optional.of(lastTyped))).isTrue();
        assertThat(clock.instant()).isEqualTo(lastTyped.plus(DemoClock.RESUME_GAP));
    }

    @Test
    void keepsTheDemoMoment_whenTheStoredMessagesAreOlder() {
        DemoClock clock = new DemoClock(Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), SHANGHAI), DEMO);
        assertThat(clock.resumeAfter(Optional.of(DEMO.minusSeconds(3600)))).isFalse();
        assertThat(clock.instant()).isEqualTo(DEMO);
    }
}
