package io.duban.plan;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * A 工作指标 of a task: a quantity units report in the same message as their progress
 * ({@code 16 采购金额 12.5 万元}). How the reported numbers add up is its {@link Combine}; the target is optional
 * (the office sets it in chat when the plan does not state one).
 */
public record MetricDefinition(String name, String unit, Combine combine, Optional<Double> target) {

    /** How the numbers units report make the total. */
    public enum Combine {
        /** Every report adds what was done since the last one: summed over units and over time (累计). */
        SUM("sum", "累计"),
        /** Every report states the current figure: each unit's latest value, summed over units (最新值). */
        LATEST("latest", "最新值");

        private final String key;
        private final String label;

        Combine(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public static Optional<Combine> fromKey(String key) {
            for (Combine c : values()) {
                if (c.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    public MetricDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(combine, "combine is null");
        requireNonNull(target, "target is null");
        if (name.isBlank() || unit.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name and a unit");
        }
    }

    public MetricDefinition withTarget(Optional<Double> newTarget) {
        return new MetricDefinition(name, unit, combine, newTarget);
    }

    /** A number as people write it: {@code 12.5}, {@code 50}. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        String s = String.format(Locale.ROOT, "%.2f", value);
        return s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }
}
