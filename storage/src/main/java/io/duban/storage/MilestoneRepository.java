package io.duban.storage;

import io.duban.storage.model.MilestoneEdit;
import java.util.List;

/** Milestones set or confirmed in chat, append-only. */
public interface MilestoneRepository {

    MilestoneEdit append(MilestoneEdit edit);

    /** Every edit of a plan year, oldest first. */
    List<MilestoneEdit> all(int planYear);
}
