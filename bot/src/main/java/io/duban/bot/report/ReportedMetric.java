package io.duban.bot.report;

import java.math.BigDecimal;

/**
 * A quantity written with a report, {@code 采购金额 12.5 万元} or {@code 培训 35 人次}: a candidate for one of the
 * task's metrics. The parser does not know the task's metrics; whoever stores it keeps only the candidates whose
 * name ends with a metric's name ({@link #isNamed}), so {@code 本周上架产品4款} stays text unless the task counts
 * {@code 上架产品}.
 *
 * @param name  the words right before the number (up to eight Chinese characters)
 * @param value the number as written
 * @param unit  the unit as written ({@code 万元}, {@code 人次})
 */
public record ReportedMetric(String name, BigDecimal value, String unit) {
    public boolean isNamed(String metricName) {
        return !metricName.isBlank() && name.endsWith(metricName);
    }
}
