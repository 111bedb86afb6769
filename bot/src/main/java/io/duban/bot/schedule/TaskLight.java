package io.duban.bot.schedule;

import io.duban.plan.PlanTask;
import java.util.OptionalInt;

/**
 * A task's traffic light for the summaries, with its reason, headline percent and the percent a week earlier.
 * Interim: computed by {@link TaskLights} until the lead's {@code io.duban.bot.status.StatusBoard} replaces it.
 */
record TaskLight(PlanTask task, Colour colour, String reason, OptionalInt percent, OptionalInt previousPercent,
                 long daysToDeadline) {

    enum Colour {
        RED("红灯"), YELLOW("黄灯"), GREEN("绿灯");

        private final String label;

        Colour(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** {@code 60%（+10）}, {@code 60%（持平）}, {@code 暂无进度}. */
    String percentWithChange() {
        if (percent.isEmpty()) {
            return "暂无进度";
        }
        String p = percent.getAsInt() + "%";
        if (previousPercent.isEmpty()) {
            return p + "（新报）";
        }
        int delta = percent.getAsInt() - previousPercent.getAsInt();
        return p + (delta == 0 ? "（持平）" : delta > 0 ? "（+" + delta + "）" : "（" + delta + "）");
    }

    String deadlineText() {
        return daysToDeadline >= 0 ? "距截止 " + daysToDeadline + " 天" : "已逾期 " + (-daysToDeadline) + " 天";
    }

    boolean done() {
        return percent.isPresent() && percent.getAsInt() >= 100;
    }
}
