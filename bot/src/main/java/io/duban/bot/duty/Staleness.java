package io.duban.bot.duty;

import io.duban.plan.Cadence;

/**
 * A task that has missed its own cadence: {@code unit} (an owing unit) let {@code missed} periods in a row pass
 * without a report, the latest being {@code lastMissed}.
 */
public record Staleness(String unit, int missed, Period lastMissed, Cadence cadence) {

    /** {@code 农管科已连续 2 期（每两周）未报送}, {@code 党群科已连续 2 个月未报送}. */
    public String reason() {
        String periods = switch (cadence.kind()) {
            case WEEKLY -> missed + " 周";
            case MONTHLY -> missed + " 个月";
            default -> missed + " 期（" + cadence.label() + "）";
        };
        return unit + "已连续 " + periods + "未报送";
    }
}
