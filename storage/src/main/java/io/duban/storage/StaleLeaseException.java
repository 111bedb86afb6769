package io.duban.storage;

import io.duban.storage.model.Fence;

/**
 * A write was refused because its fencing token is no longer current: another instance took the lease over while
 * this one was paused or cut off, or the lease ran out. Nothing of the write was stored.
 */
public final class StaleLeaseException extends RuntimeException {
    private final transient Fence fence;

    public StaleLeaseException(Fence fence) {
        super("lease " + fence.lease() + " token " + fence.token() + " of " + fence.holder()
                + " is no longer current (another instance took over, or it ran out)");
        this.fence = fence;
    }

    public Fence fence() {
        return fence;
    }
}
