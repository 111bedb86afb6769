package io.duban.storage;

import io.duban.storage.model.ServeInstance;
import java.time.Instant;
import java.util.List;

/** The running {@code serve} instances, each renewing its row every few seconds (for {@code ./duban status}). */
public interface InstanceRepository {

    /** Inserts or refreshes the instance's row. */
    void heartbeat(ServeInstance instance);

    /** Every instance that reported, most recent heartbeat first. */
    List<ServeInstance> all();

    /** Forgets instances silent since before {@code before} (stopped or dead long ago). @return how many */
    int forgetSilentSince(Instant before);

    /** Removes the instance's row (a clean stop). */
    void remove(String instanceId);
}
