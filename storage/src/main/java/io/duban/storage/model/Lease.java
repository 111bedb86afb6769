package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Who holds a named lease until when. {@code token} grows with every change of holder (a fencing token): a write
 * made on the strength of the lease checks that its token is still the current one.
 */
public record Lease(String name, String holder, long token, Instant expiresAt) {
    public Lease {
        requireNonNull(name, "name is null");
        requireNonNull(holder, "holder is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }
}
