package io.duban.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-09T01:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(clock);

    @Test
    void givenTwentyPerMinute_theTwentyFirstWaitsUntilTheFirstLeavesTheWindow() {
        Destination robot = new Destination("webhook a", List.of(RateLimit.perMinute(20)));
        Instant start = clock.instant();
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire(robot)).as("message %d", i + 1).isEmpty();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(limiter.tryAcquire(robot)).contains(start.plusSeconds(60));
        // another robot is not affected
        assertThat(limiter.tryAcquire(new Destination("webhook b", List.of(RateLimit.perMinute(20))))).isEmpty();
        clock.set(start.plusSeconds(60));
        assertThat(limiter.tryAcquire(robot)).isEmpty();
        assertThat(limiter.tryAcquire(robot)).contains(start.plusSeconds(61));
    }

    @Test
    void theWindowStartsWhenTheRequestCameBack_plusTheSafetyMargin() {
        RateLimiter withMargin = new RateLimiter(clock, Duration.ofSeconds(2));
        Destination robot = new Destination("webhook a", List.of(RateLimit.perMinute(20)));
        Instant start = clock.instant();
        assertThat(withMargin.tryAcquire(robot)).isEmpty();
        clock.advance(Duration.ofSeconds(3)); // a slow request: WeCom may have received it only now
        withMargin.sent(robot);
        Instant firstReceived = clock.instant();
        for (int i = 1; i < 20; i++) {
            assertThat(withMargin.tryAcquire(robot)).as("message %d", i + 1).isEmpty();
            withMargin.sent(robot);
        }
        // the 21st waits for 60 s after the first request came back, and the margin
        assertThat(withMargin.tryAcquire(robot)).contains(firstReceived.plusSeconds(62));
        clock.set(start.plusSeconds(60));
        assertThat(withMargin.tryAcquire(robot)).isPresent();
        clock.set(firstReceived.plusSeconds(62));
        assertThat(withMargin.tryAcquire(robot)).isEmpty();
    }

    @Test
    void givenThirtyPerMinuteAndAThousandPerHour_bothApply() {
        Destination chat = new Destination("conversation c", List.of(RateLimit.perMinute(30), RateLimit.perHour(1000)));
        int sent = 0;
        Instant start = clock.instant();
        // two hours of trying every second
        for (int s = 0; s < 7200; s++) {
            if (limiter.tryAcquire(chat).isEmpty()) {
                sent++;
            }
            clock.advance(Duration.ofSeconds(1));
            if (s == 3599) {
                assertThat(sent).isEqualTo(1000);
            }
        }
        assertThat(sent).isEqualTo(2000);
        assertThat(limiter.recent("conversation c", Duration.ofMinutes(1))).isLessThanOrEqualTo(30);
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(7200));
    }

    @Test
    void retryPolicyDoublesAndCaps() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayAfter(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.delayAfter(100)).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.exhausted(29)).isFalse();
        assertThat(p.exhausted(30)).isTrue();
    }
}
