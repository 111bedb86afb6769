package io.duban.bot.schedule;

import io.duban.calendar.WorkCalendar;
import io.duban.storage.JobRunRepository;
import io.duban.storage.StaleLeaseException;
import io.duban.storage.Storage;
import io.duban.storage.model.Fence;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs exactly once. {@link #tick} looks at the runs due up to {@code now}: a run not yet claimed is
 * claimed in the database together with its outbox messages (one transaction), so a restart, a second instance or
 * a clock jump never sends it twice. A run missed by more than the grace period is recorded as skipped. Nothing is
 * pushed in quiet hours or on non-working days; a due run waits for the next allowed tick within its grace.
 */
public final class Scheduler {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    /** How far back a tick looks for runs to send late or record as skipped. */
    private static final Duration LOOKBACK = Duration.ofDays(8);

    private final List<Job> jobs;
    private final JobRunRepository runs;
    private final ScheduleSettings settings;
    private final WorkCalendar calendar;
    private final Clock clock;
    /** Runs known to be claimed (done or skipped): spares the database a query per run per tick. */
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    /** Where claims get their fencing token; {@code null}: unfenced (SQLite, one instance; the command line). */
    private volatile Supplier<Optional<Fence>> fence;

    public Scheduler(List<Job> jobs, JobRunRepository runs, ScheduleSettings settings, WorkCalendar calendar,
                     Clock clock) {
        this.jobs = List.copyOf(jobs);
        this.runs = runs;
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Fences every claim with the token of the lease this instance holds (PostgreSQL, several instances): a claim
     * is refused when the token is no longer current, so an instance that was paused and lost the lease to a standby
     * cannot record and send a run. An empty fence (not the holder) refuses every claim.
     */
    public void fencedBy(Supplier<Optional<Fence>> fence) {
        this.fence = fence;
    }

    /** The fence for the next claim: empty for unfenced; a {@link StaleLeaseException} when not the holder. */
    private Optional<Fence> currentFence() {
        Supplier<Optional<Fence>> source = fence;
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(source.get().orElseThrow(() -> new StaleLeaseException(new Fence("wecom-connection",
                "this instance", -1, clock.instant()))));
    }

    /** Calls {@link #tick} with the clock's time every {@code every}; errors are logged, never end the loop. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor, Duration every) {
        return executor.scheduleWithFixedDelay(() -> {
            try {
                tick(clock.instant());
            } catch (RuntimeException e) {
                log.error("scheduler tick failed; retrying on the next tick", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Handles every run due up to {@code now}. Safe to call as often as wanted, from several processes. */
    public synchronized List<RunOutcome> tick(Instant now) {
        List<RunOutcome> out = new ArrayList<>();
        Supplier<Optional<Fence>> source = fence;
        if (source != null && source.get().isEmpty()) {
            return out; // a standby: the holder of the lease runs the rhythm
        }
        Duration lookback = LOOKBACK.plus(settings.grace());
        for (Job job : jobs) {
            for (PlannedRun run : job.runsBetween(now.minus(lookback), now)) {
                String key = run.job() + "|" + run.period();
                if (settled.contains(key)) {
                    continue;
                }
                if (runs.find(run.job(), run.period()).isPresent()) {
                    settled.add(key);
                    continue;
                }
                RunOutcome o = handle(job, run, now);
                if (o.kind() != RunOutcome.Kind.DEFERRED && o.kind() != RunOutcome.Kind.FAILED
                        && o.kind() != RunOutcome.Kind.FENCED) {
                    settled.add(key);
                }
                out.add(o);
                if (o.kind() == RunOutcome.Kind.FENCED) {
                    return out; // the others would be refused alike: one line, and the active instance sends them
                }
            }
        }
        return out;
    }

    private RunOutcome handle(Job job, PlannedRun run, Instant now) {
        Duration late = Duration.between(run.at().toInstant(), now);
        if (late.compareTo(settings.grace()) > 0) {
            String reason = "missed by " + hours(late) + " (grace " + hours(settings.grace()) + ")";
            boolean recorded;
            try {
                recorded = runs.recordSkipped(run.job(), run.period(), run.at().toInstant(), reason, now,
                        currentFence());
            } catch (StaleLeaseException e) {
                return fencedOut(run, e);
            }
            log.warn("skipped {} {} planned {}: {}", run.job(), run.period(), run.at(), reason);
            return new RunOutcome(run, recorded ? RunOutcome.Kind.SKIPPED : RunOutcome.Kind.ALREADY_CLAIMED,
                    List.of(), reason);
        }
        if (!pushAllowed(now)) {
            return new RunOutcome(run, RunOutcome.Kind.DEFERRED, List.of(), "quiet hours or not a working day");
        }
        return claim(job, run, now);
    }

    /** Builds and claims one run now, whatever its time (the admin's {@code job run}). */
    public RunOutcome claim(Job job, PlannedRun run, Instant now) {
        List<OutboundMessage> messages;
        // one unit of reading: the closed tasks (and other per-year lists) are read once, not once per task
        try (Storage.Reading reading = Storage.reading()) {
            messages = job.compose(run);
        } catch (RuntimeException e) {
            log.error("building {} {} failed; nothing claimed", run.job(), run.period(), e);
            return new RunOutcome(run, RunOutcome.Kind.FAILED, List.of(), String.valueOf(e.getMessage()));
        }
        Optional<List<OutboxEntry>> enqueued;
        try {
            enqueued = runs.claimAndEnqueue(run.job(), run.period(), run.at().toInstant(), messages, now,
                    currentFence());
        } catch (StaleLeaseException e) {
            return fencedOut(run, e);
        }
        if (enqueued.isEmpty()) {
            log.info("{} {} was already claimed; not sent again", run.job(), run.period());
            return new RunOutcome(run, RunOutcome.Kind.ALREADY_CLAIMED, List.of(), "already claimed");
        }
        log.info("{} {} (planned {}): {} message(s) enqueued", run.job(), run.period(), run.at(),
                enqueued.get().size());
        return new RunOutcome(run, RunOutcome.Kind.ENQUEUED, enqueued.get(), "");
    }

    /** A claim refused by the fence: one line; the run stays unclaimed for the instance that holds the lease. */
    private RunOutcome fencedOut(PlannedRun run, StaleLeaseException e) {
        log.error("scheduler: {} {} not claimed by this instance: {}; the active instance sends the due runs", run.job(), run.period(),
                e.getMessage());
        return new RunOutcome(run, RunOutcome.Kind.FENCED, List.of(), e.getMessage());
    }

    /** Pushes are allowed on working days outside the quiet hours. */
    public boolean pushAllowed(Instant now) {
        ZonedDateTime t = now.atZone(settings.zone());
        return calendar.isWorkingDay(t.toLocalDate()) && !settings.quietHours().contains(t.toLocalTime());
    }

    public List<Job> jobs() {
        return jobs;
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
