package io.duban.bot.duty;

import io.duban.config.ConfigDirectory;
import io.duban.plan.WorkPlan;
import io.duban.storage.Storage;

/** The plan in force: the plan file with the office's chat changes to reporters and cadence (设置). */
public final class CurrentPlan {
    private final ConfigDirectory config;
    private final Storage storage;

    public CurrentPlan(ConfigDirectory config, Storage storage) {
        this.config = config;
        this.storage = storage;
    }

    /** Read on every call: a change made in the chat counts from the next message on. */
    public WorkPlan get() {
        return ReportingOverrides.currentPlan(config, storage);
    }
}
