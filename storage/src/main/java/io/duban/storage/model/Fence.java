package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The fencing token a write must carry when only the holder of a lease may make it: the lease's name, the holder,
 * the token it got with the lease, and the time on the lease's clock. The write is refused when the lease in the
 * database has another holder or token, or ran out by {@code now}.
 */
public record Fence(String lease, String holder, long token, Instant now) {
    public Fence {
        requireNonNull(lease, "lease is null");
        requireNonNull(holder, "holder is null");
        requireNonNull(now, "now is null");
    }
}
