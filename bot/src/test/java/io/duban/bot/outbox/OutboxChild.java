package io.duban.bot.outbox;

import io.duban.bot.wecom.webhook.WebhookChannel;
import io.duban.bot.wecom.webhook.WebhookClient;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * A real process that drains an outbox file into webhooks until nothing is left, for {@link OutboxCrashTest}:
 * {@code OutboxChild JDBC_URL API_BASE LEASE_SECONDS}. The test kills it with SIGKILL mid-send and starts it again.
 */
public final class OutboxChild {
    private OutboxChild() {
    }

    public static void main(String[] args) throws Exception {
        Storage storage = Storage.open(args[0]);
        WebhookClient client = new WebhookClient(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build(),
                args[1]);
        ChannelRouter router = new ChannelRouter().route(Address.Kind.GROUP,
                new WebhookChannel(client, chat -> Optional.of("key-" + chat), List.of(RateLimit.perMinute(100_000))));
        OutboxDrainer drainer = new OutboxDrainer(storage.outbox(), router, new RateLimiter(Clock.systemUTC()),
                new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 100), Clock.systemUTC(),
                "child-" + ProcessHandle.current().pid(), Duration.ofSeconds(Long.parseLong(args[2])), 5);
        System.out.println("child " + ProcessHandle.current().pid() + " draining");
        // a real process polling as serve does: a pass every 100 ms on a scheduler, until nothing is left to send
        java.util.concurrent.ScheduledExecutorService passes = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        passes.scheduleWithFixedDelay(() -> {
            try {
                while (drainer.drainOnce().mayHaveMore()) {
                    // keep draining while a pass found work
                }
            } catch (RuntimeException e) {
                e.printStackTrace();
                System.exit(1);
            }
            Map<OutboxEntry.Status, Long> counts = storage.outbox().countByStatus();
            if (counts.getOrDefault(OutboxEntry.Status.PENDING, 0L) == 0
                    && counts.getOrDefault(OutboxEntry.Status.SENDING, 0L) == 0) {
                System.out.println("child done: " + counts);
                System.exit(0);
            }
        }, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
