package io.duban.bot.command;

import io.duban.bot.report.ReportService;
import io.duban.bot.status.StatusBoard;
import io.duban.config.ConfigDirectory;
import io.duban.plan.Organization;
import io.duban.plan.WorkPlan;
import io.duban.storage.Storage;
import java.time.Clock;

/** What commands work with: the configuration, storage, the clock, and the domain services on top of them. */
public record Services(ConfigDirectory config, Storage storage, Clock clock, StatusBoard board, ReportService reports) {

    /** The current plan, with the office's chat changes to reporters and cadence (设置). */
    public WorkPlan plan() {
        return io.duban.bot.duty.ReportingOverrides.currentPlan(config, storage);
    }

    public Organization org() {
        return config.organization();
    }

    /** Escapes user text for repeating it to others, with the configured length limit. */
    public String quote(String userText) {
        return io.duban.bot.text.UserText.escape(userText, config.settings().maxQuoteChars());
    }
}
