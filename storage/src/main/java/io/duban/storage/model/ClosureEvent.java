package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One step in closing a task; {@code id} is 0 before it is stored. {@code note} is the evidence of a request or the
 * reason of a return; {@code unit} is the unit of the person who took the step.
 */
public record ClosureEvent(
        long id, int planYear, int taskNumber, ClosureAction action, String unit, String personId, String note,
        Optional<Long> inboundId, Instant at) {

    public ClosureEvent {
        requireNonNull(action, "action is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(note, "note is null");
        requireNonNull(inboundId, "inboundId is null");
        requireNonNull(at, "at is null");
    }
}
