package io.duban.config;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * General settings from {@code config/duban.yml}, each with a default so that a fresh clone runs without the file.
 *
 * @param zone                 the office's time zone; every week and deadline is counted in it
 * @param planYear             the plan the chat works on
 * @param demoNow              the moment the demo chat starts at, inside the plan's period
 * @param paceTolerancePercent how many percentage points a task may lag its expected pace before it turns yellow
 * @param staleWeeks           reporting weeks without a report after which a task turns yellow
 * @param maxMessageChars      longest inbound message the bot interprets
 * @param maxQuoteChars        longest piece of user text the bot repeats to others before cutting it
 * @param botName              the name people @-mention
 */
public record Settings(
        ZoneId zone,
        int planYear,
        OffsetDateTime demoNow,
        int paceTolerancePercent,
        int staleWeeks,
        int maxMessageChars,
        int maxQuoteChars,
        String botName) {

    public Settings {
        requireNonNull(zone, "zone is null");
        requireNonNull(demoNow, "demoNow is null");
        requireNonNull(botName, "botName is null");
    }

    public static Settings defaults() {
        return new Settings(ZoneId.of("Asia/Shanghai"), 2023, OffsetDateTime.parse("2023-10-09T09:00+08:00"),
                15, 2, 2000, 300, "督办助手");
    }
}
