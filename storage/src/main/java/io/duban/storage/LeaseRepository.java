package io.duban.storage;

import io.duban.storage.model.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named leases in the database: at most one holder at a time, for a limited time, renewed by the holder. Used to
 * decide which {@code serve} instance holds the long connection and runs the scheduler.
 */
public interface LeaseRepository {

    /**
     * Takes the lease when it is free or ran out, or renews it when {@code holder} holds it already.
     *
     * @return the lease with its fencing token when {@code holder} holds it now; empty when another holder does
     */
    Optional<Lease> acquire(String name, String holder, Instant now, Duration ttl);

    /** Gives the lease up (a clean stop), so that another instance can take it at once. */
    void release(String name, String holder);

    /** The lease as stored, held or expired. */
    Optional<Lease> current(String name);

    /**
     * The fencing check, for use inside the transaction of a write that must come from the holder: true while
     * {@code holder} holds the lease with {@code token} and it has not run out.
     */
    boolean holds(String name, String holder, long token, Instant now);
}
