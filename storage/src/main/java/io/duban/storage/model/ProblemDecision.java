package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What a consultation (会商) on a given day decided about a problem item. */
public record ProblemDecision(long id, long problemId, LocalDate meetingDate, String decision, String personId,
                              Optional<Long> inboundId, Instant at) {
    public ProblemDecision {
        requireNonNull(meetingDate, "meetingDate is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(inboundId, "inboundId is null");
        requireNonNull(at, "at is null");
    }
}
