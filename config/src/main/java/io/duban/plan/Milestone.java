package io.duban.plan;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * A 时间节点 of a task: what should be true by a date. With a percent, the task's progress must have reached it by
 * then, and pace is measured against it; without one, someone confirms it was reached ({@code 节点 12 达成 …}).
 */
public record Milestone(LocalDate date, String text, OptionalInt percent) {
    public Milestone {
        requireNonNull(date, "date is null");
        requireNonNull(text, "text is null");
        requireNonNull(percent, "percent is null");
        if (percent.isPresent() && (percent.getAsInt() < 0 || percent.getAsInt() > 100)) {
            throw new IllegalArgumentException("milestone percent must be 0..100: " + percent.getAsInt());
        }
    }

    /** {@code 10月31日 完成产销对接会（60%）}. */
    public String label() {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日 " + text
                + (percent.isPresent() ? "（" + percent.getAsInt() + "%）" : "");
    }
}
