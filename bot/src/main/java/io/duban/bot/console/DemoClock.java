package io.duban.bot.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The demo chat's clock: it runs forward from the demo moment (inside the plan's period) at the pace of the real one.
 * A later demo on the same database resumes just after the last message stored there, so that what was typed in an
 * earlier session is not in the "future" of the new one (reports that vanished from 未报送 and 我的任务 until the
 * clock caught up again).
 */
public final class DemoClock extends Clock {
    /** How far after the last stored message a resumed demo starts. */
    static final Duration RESUME_GAP = Duration.ofMinutes(1);

    private final Clock system;
    private volatile Duration offset;

    public DemoClock(Clock system, Instant demoStart) {
        this.system = system;
        this.offset = Duration.between(system.instant(), demoStart);
    }

    /**
     * Moves the clock to just after {@code lastStored} when that lies at or after the current demo time.
     *
     * @return true when the clock moved
     */
    public boolean resumeAfter(Optional<Instant> lastStored) {
        if (lastStored.isEmpty() || lastStored.get().isBefore(instant())) {
            return false;
        }
        offset = Duration.between(system.instant(), lastStored.get().plus(RESUME_GAP));
        return true;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        DemoClock c = new DemoClock(system.withZone(zone), instant());
        return c;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }
}
