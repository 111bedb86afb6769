package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A running {@code serve} process as it last reported itself: where it runs, its role ({@code active} holds the long
 * connection and the scheduler, {@code standby} waits to take over) and when it was last alive.
 */
public record ServeInstance(String instanceId, String host, long pid, String role, Instant startedAt,
                            Instant heartbeatAt, String note) {
    public ServeInstance {
        requireNonNull(instanceId, "instanceId is null");
        requireNonNull(host, "host is null");
        requireNonNull(role, "role is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(heartbeatAt, "heartbeatAt is null");
        requireNonNull(note, "note is null");
    }
}
