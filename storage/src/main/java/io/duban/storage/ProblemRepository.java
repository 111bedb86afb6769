package io.duban.storage;

import io.duban.storage.model.ProblemDecision;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProblemState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Problem items (问题3) and the decisions consultations (会商) took on them. */
public interface ProblemRepository {

    /** Stores a new open item (with its counted week); its id and state in the argument are ignored. */
    ProblemItem create(ProblemItem item);

    /** The unit mentioned the item again in a report of {@code week}: its silence count starts over. */
    void mentioned(long id, long reportId, Instant at, String week);

    /** The unit reported on the task in {@code week} without mentioning the item. */
    void silent(long id, int silentReports, String week);

    /** Closes an open item; false when it was not open any more. */
    boolean close(long id, ProblemState state, Instant at, String by, String note);

    Optional<ProblemItem> find(long id);

    /** Every item of a plan year, oldest first. */
    List<ProblemItem> all(int planYear);

    /** The open items of one task and unit, oldest first. */
    List<ProblemItem> open(int planYear, int taskNumber, String unit);

    ProblemDecision decide(ProblemDecision decision);

    /** Every decision on the plan year's items, oldest first. */
    List<ProblemDecision> decisions(int planYear);
}
