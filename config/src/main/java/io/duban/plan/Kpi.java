package io.duban.plan;

import static java.util.Objects.requireNonNull;

/**
 * A numeric target a task reports against: {@code numerator / denominator >= targetPercent}. Task 17 of the 2023
 * plan is the model: 援滇帮扶疗休养 participants (numerator) are at least 15% of the year's 疗休养 participants.
 */
public record Kpi(String name, String numeratorLabel, String denominatorLabel, double targetPercent) {
    public Kpi {
        requireNonNull(name, "name is null");
        requireNonNull(numeratorLabel, "numeratorLabel is null");
        requireNonNull(denominatorLabel, "denominatorLabel is null");
    }
}
