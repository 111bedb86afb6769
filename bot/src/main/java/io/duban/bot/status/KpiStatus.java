package io.duban.bot.status;

import io.duban.plan.Kpi;
import io.duban.plan.PlanTask;
import java.util.List;

/**
 * A task's numeric target against what the units reported. When the lead unit reported both numbers they are the
 * consolidated figures; otherwise the responsible units' latest figures are added up.
 *
 * @param sources which units' figures were used
 */
public record KpiStatus(PlanTask task, Kpi kpi, int numerator, int denominator, List<String> sources) {

    public boolean hasData() {
        return denominator > 0;
    }

    public double percent() {
        return denominator == 0 ? 0 : 100.0 * numerator / denominator;
    }

    public boolean met() {
        return hasData() && percent() + 1e-9 >= kpi.targetPercent();
    }
}
