package io.duban.bot.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.plan.MetricDefinition;
import io.duban.plan.MetricDefinition.Combine;
import io.duban.plan.PlanArea;
import io.duban.plan.PlanTask;
import io.duban.plan.TaskMeasures;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.MetricTarget;
import io.duban.storage.model.MetricValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricTotalsTest {
    static final Instant T = Instant.parse("2023-10-09T02:00:00Z");
    static final MetricDefinition AMOUNT = new MetricDefinition("采购金额", "万元", Combine.SUM, Optional.empty());
    static final MetricDefinition PRODUCTS = new MetricDefinition("上架产品", "个", Combine.LATEST, Optional.of(40.0));
    static final PlanTask TASK = new PlanTask(16, 4, "消费协作方面", "采购", List.of("委工会"), List.of("各基层工会"),
            LocalDate.of(2023, 12, 31), Optional.empty(), new TaskMeasures(List.of(), List.of(AMOUNT, PRODUCTS)));
    static final WorkPlan PLAN = new WorkPlan(2023, "计划", "", LocalDate.of(2023, 7, 28), LocalDate.of(2023, 12, 31),
            List.of(new PlanArea(4, "消费协作方面", List.of(TASK))));

    static MetricValue v(long report, String unit, String metric, double value, int day) {
        return new MetricValue(report, 2023, 16, unit, metric, value, T.plusSeconds(86_400L * day));
    }

    @Test
    void sumAddsOverUnitsAndTime_latestTakesEachUnitsLastFigure_replacedRowsDropOut_andChatTargetsWin() {
        List<MetricValue> values = List.of(
                v(1, "甲", "采购金额", 12.5, 0), v(2, "乙", "采购金额", 3, 1), v(3, "甲", "采购金额", 7.25, 7),
                v(4, "甲", "采购金额", 100, 8),   // replaced by a correction (not effective)
                v(5, "甲", "上架产品", 10, 0), v(6, "乙", "上架产品", 4, 1), v(7, "甲", "上架产品", 12, 7));
        Set<Long> effective = Set.of(1L, 2L, 3L, 5L, 6L, 7L);
        List<MetricTarget> targets = List.of(
                new MetricTarget(1, 2023, 16, "采购金额", 40, "admin", Optional.empty(), T),
                new MetricTarget(2, 2023, 16, "采购金额", 50, "admin", Optional.empty(), T.plusSeconds(60)));
        List<MetricValue> counted = values.stream().filter(v -> effective.contains(v.reportId())).toList();
        List<MetricTotal> totals = MetricTotals.of(PLAN, counted, targets, T.plusSeconds(86_400L * 30),
                List.of("甲", "乙"));
        MetricTotal amount = totals.get(0);
        assertThat(amount.total()).isEqualTo(22.75);
        assertThat(amount.byUnit()).containsExactly(Map.entry("甲", 19.75), Map.entry("乙", 3.0));
        assertThat(amount.definition().target()).contains(50.0);
        assertThat(amount.line()).isEqualTo("采购金额 22.75/50 万元（46%）");
        MetricTotal products = totals.get(1);
        assertThat(products.total()).isEqualTo(16.0);
        assertThat(products.line()).isEqualTo("上架产品 16/40 个（40%）");

        // as of the second day: only the first two figures and no target set after it
        List<MetricTotal> early = MetricTotals.of(PLAN, counted, targets, T.plusSeconds(30), List.of("甲", "乙"));
        assertThat(early.get(0).total()).isEqualTo(12.5);
        assertThat(early.get(0).definition().target()).contains(40.0);
        assertThat(MetricTotals.of(PLAN, List.of(), List.of(), T, List.of()).get(0).line())
                .isEqualTo("采购金额 0 万元（未设目标）");
    }

    @Test
    void phrases_needTheMetricsName_andReportBareFiguresBack() {
        MetricPhrases.Found f = MetricPhrases.find("采购金额 12.5 万元，上架产品：8个", List.of(AMOUNT, PRODUCTS));
        assertThat(f.values()).containsExactly(Map.entry("采购金额", 12.5), Map.entry("上架产品", 8.0));
        assertThat(f.unnamed()).isEmpty();
        MetricDefinition training = new MetricDefinition("培训", "人次", Combine.SUM, Optional.empty());
        assertThat(MetricPhrases.find("本周培训基层干部35人次", List.of(training)).values())
                .containsExactly(Map.entry("培训", 35.0));
        MetricPhrases.Found bare = MetricPhrases.find("本周新增 12.5 万元，对接企业2家", List.of(AMOUNT));
        assertThat(bare.values()).isEmpty();
        assertThat(bare.unnamed()).containsExactly("12.5 万元");
        assertThat(MetricPhrases.find("对接企业2家；问题：冷链成本高", List.of(AMOUNT)).isEmpty()).isTrue();
    }
}
