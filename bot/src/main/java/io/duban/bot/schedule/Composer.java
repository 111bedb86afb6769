package io.duban.bot.schedule;

import io.duban.storage.model.OutboundMessage;
import java.util.List;

/** Builds the messages of one run from the current plan, roster and reports. Sends nothing. */
@FunctionalInterface
interface Composer {
    List<OutboundMessage> compose(PlannedRun run);
}
