package io.duban.bot.serve;

import io.duban.bot.wecom.ws.Scheduler;
import io.duban.storage.LeaseRepository;
import io.duban.storage.model.Fence;
import io.duban.storage.model.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of several {@code serve} instances on one PostgreSQL database is active: the holder of a lease stored in the
 * database, renewed every {@link #RENEW}, valid for {@link #TTL}. Only the active instance holds the WeCom long
 * connection and runs the weekly rhythm; the others (standby) answer HTTP callbacks, drain the outbox and try for
 * the lease every {@link #STANDBY_TRY}, so they get it within {@code TTL + STANDBY_TRY} (11 s) after the holder died
 * or lost the database (asking only every {@code RENEW} made it up to 13 s, too close to the 15 s promised). An
 * instance that is not active never subscribes, so instances never kick each other. An active instance that cannot
 * renew in time steps down ({@code onLost}) before another can take over: it stops renewing at {@code TTL − RENEW}.
 */
public final class ConnectionLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLease.class);

    public static final String NAME = "wecom-connection";
    public static final Duration TTL = Duration.ofSeconds(10);
    public static final Duration RENEW = Duration.ofSeconds(3);
    /** How often a standby asks for the lease: one cheap statement a second buys two seconds of takeover. */
    public static final Duration STANDBY_TRY = Duration.ofSeconds(1);

    private final LeaseRepository leases;
    private final Clock clock;
    private final String instance;
    private final Runnable onActive;
    private final Runnable onLost;
    private volatile Optional<Lease> held = Optional.empty();
    private volatile Instant renewedAt = Instant.MIN;
    private Scheduler.Cancellable ticking;

    /**
     * @param onActive runs once when this instance becomes active (start the long connection and the rhythm)
     * @param onLost   runs once when an active instance loses the lease (stop holding the connection)
     */
    public ConnectionLease(LeaseRepository leases, Clock clock, String instance, Runnable onActive, Runnable onLost) {
        this.leases = leases;
        this.clock = clock;
        this.instance = instance;
        this.onActive = onActive;
        this.onLost = onLost;
    }

    /** Tries every {@link #STANDBY_TRY}; a round while active renews only when {@link #RENEW} has passed. */
    public synchronized void start(Scheduler scheduler) {
        ticking = scheduler.scheduleAtFixedRate(Duration.ZERO, STANDBY_TRY, this::tick);
    }

    /** {@code active} or {@code standby}. */
    public String role() {
        return held.isPresent() ? "active" : "standby";
    }

    /** The fencing token while active. */
    public Optional<Long> token() {
        return held.map(Lease::token);
    }

    /**
     * The fence for a write only the active instance may make: this lease's holder and token, with the time on the
     * lease's clock. Empty while standby. The database checks it in the write's transaction, so a holder that was
     * paused while a standby took over has its stale writes refused even before its own next round notices.
     */
    public Optional<Fence> fence() {
        return held.map(l -> new Fence(NAME, instance, l.token(), clock.instant()));
    }

    /**
     * Whether this instance holds the lease with its token right now, asked of the database (not of this object's
     * memory, which a paused process cannot trust). False when the database cannot be reached.
     */
    public boolean stillHolds() {
        Optional<Fence> f = fence();
        if (f.isEmpty()) {
            return false;
        }
        try {
            boolean holds = leases.holds(NAME, instance, f.get().token(), f.get().now());
            if (!holds) {
                LOG.error("connection lease: token {} of this instance ({}) is no longer current; another instance "
                        + "took over", f.get().token(), instance);
            }
            return holds;
        } catch (RuntimeException e) {
            LOG.warn("connection lease: cannot check the token ({})", e.toString());
            return false;
        }
    }

    /** One round: take the lease (standby) or renew it when due (active), and act on a change of role. */
    void tick() {
        Instant now = clock.instant();
        if (held.isPresent() && now.isBefore(renewedAt.plus(RENEW))) {
            return; // renewed less than RENEW ago
        }
        Optional<Lease> lease;
        try {
            lease = leases.acquire(NAME, instance, now, TTL);
        } catch (RuntimeException e) {
            LOG.warn("connection lease: cannot reach the database ({})", e.toString());
            lease = Optional.empty();
            if (held.isPresent() && now.isBefore(renewedAt.plus(TTL.minus(RENEW)))) {
                return; // still safely ours; try again next round
            }
        }
        boolean was = held.isPresent();
        held = lease;
        if (lease.isPresent()) {
            renewedAt = now;
        }
        if (!was && lease.isPresent()) {
            LOG.info("connection lease: this instance ({}) is active now (token {})", instance, lease.get().token());
            onActive.run();
        } else if (was && lease.isEmpty()) {
            LOG.error("connection lease: this instance ({}) lost the lease; stepping down", instance);
            onLost.run();
        }
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel();
        }
        if (held.isPresent()) {
            try {
                leases.release(NAME, instance);
            } catch (RuntimeException e) {
                LOG.debug("connection lease: release failed ({}); it runs out by itself", e.toString());
            }
        }
    }
}
