package io.duban.storage;

import io.duban.storage.model.ClosureAction;
import io.duban.storage.model.ClosureEvent;
import java.util.List;
import java.util.Optional;

/** Closure requests and decisions (销号), append-only: a task's latest row is its current state. */
public interface ClosureRepository {

    ClosureEvent append(ClosureEvent event);

    /** The latest step of one task. */
    Optional<ClosureEvent> latest(int planYear, int taskNumber);

    /** The latest step of every task of a plan year that has one, by task number. */
    List<ClosureEvent> latestPerTask(int planYear);

    /** Every step of a plan year, oldest first. */
    List<ClosureEvent> all(int planYear);

    /** Whether the task's latest step is an approval. */
    default boolean isClosed(int planYear, int taskNumber) {
        return latest(planYear, taskNumber).filter(e -> e.action() == ClosureAction.APPROVED).isPresent();
    }
}
