package io.duban.bot.wecom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemberRateLimiterTest {
    private final WeComAppClientTest.MutableClock clock =
            new WeComAppClientTest.MutableClock(Instant.parse("2023-10-09T01:00:00Z"));
    private final MemberRateLimiter limiter = MemberRateLimiter.wecomDefaults(clock);

    @Test
    void thirtyAMinutePerMember_theThirtyFirstWaitsUntilTheFirstLeavesTheWindow() {
        Instant start = clock.instant();
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.tryAcquire("liuyang")).as("send %d", i + 1).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(limiter.tryAcquire("liuyang")).isFalse();
        assertThat(limiter.availableAt("liuyang")).isEqualTo(start.plus(Duration.ofMinutes(1)));
        assertThat(limiter.tryAcquire("zhangwei")).as("another member is not affected").isTrue();

        clock.advance(Duration.between(clock.instant(), start.plus(Duration.ofMinutes(1))));
        assertThat(limiter.tryAcquire("liuyang")).isTrue();
        assertThat(limiter.tryAcquire("liuyang")).as("the second send of the first second is still inside").isFalse();
    }

    @Test
    void neverMoreThanThirtyInAnySixtySeconds() {
        int sent = 0;
        java.util.ArrayDeque<Instant> times = new java.util.ArrayDeque<>();
        for (int step = 0; step < 600; step++) {
            if (limiter.tryAcquire("u")) {
                sent++;
                times.addLast(clock.instant());
                while (!times.peekFirst().isAfter(clock.instant().minusSeconds(60))) {
                    times.pollFirst();
                }
                assertThat(times.size()).isLessThanOrEqualTo(30);
            }
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(sent).isEqualTo(150); // 300 s at 30 a minute
    }

    @Test
    void aThousandAnHour() {
        int sent = 0;
        for (int minute = 0; minute < 60; minute++) {
            for (int i = 0; i < 30; i++) {
                if (limiter.tryAcquire("u")) {
                    sent++;
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(sent).isEqualTo(1000);
    }
}
