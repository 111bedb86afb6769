package io.duban.bot.schedule;

import io.duban.storage.model.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A scheduled job of the rhythm: its name, when it runs ({@link Timing}) and what it sends ({@link Composer}). */
public final class Job {
    /** Shifted runs move at most this many days from their nominal day (the longest break plus a margin). */
    private static final int SHIFT_MARGIN_DAYS = 16;

    private final String name;
    private final String title;
    private final Timing timing;
    private final Composer composer;
    private final ZoneId zone;

    Job(String name, String title, Timing timing, Composer composer, ZoneId zone) {
        this.name = name;
        this.title = title;
        this.timing = timing;
        this.composer = composer;
        this.zone = zone;
    }

    public String name() {
        return name;
    }

    /** The Chinese name admins see, e.g. 每周填报提示. */
    public String title() {
        return title;
    }

    /** Runs due in (fromExclusive, toInclusive], in time order. */
    public List<PlannedRun> runsBetween(Instant fromExclusive, Instant toInclusive) {
        LocalDate from = fromExclusive.atZone(zone).toLocalDate().minusDays(SHIFT_MARGIN_DAYS);
        LocalDate to = toInclusive.atZone(zone).toLocalDate().plusDays(SHIFT_MARGIN_DAYS);
        return timing.runs(name, from, to).stream()
                .filter(r -> r.at().toInstant().isAfter(fromExclusive) && !r.at().toInstant().isAfter(toInclusive))
                .sorted(Comparator.comparing(PlannedRun::at))
                .toList();
    }

    /** The last run due at or before {@code t} (looking back up to a year). */
    public Optional<PlannedRun> latestAtOrBefore(Instant t) {
        for (int days : new int[] {45, 400}) {
            List<PlannedRun> runs = runsBetween(t.minus(Duration.ofDays(days)), t);
            if (!runs.isEmpty()) {
                return Optional.of(runs.get(runs.size() - 1));
            }
        }
        return Optional.empty();
    }

    /** The first run due after {@code t} (looking ahead up to a year). */
    public Optional<PlannedRun> nextAfter(Instant t) {
        for (int days : new int[] {45, 400}) {
            List<PlannedRun> runs = runsBetween(t, t.plus(Duration.ofDays(days)));
            if (!runs.isEmpty()) {
                return Optional.of(runs.get(0));
            }
        }
        return Optional.empty();
    }

    /** The messages of a run, built from the current state; sends and claims nothing. */
    public List<OutboundMessage> compose(PlannedRun run) {
        return composer.compose(run);
    }
}
