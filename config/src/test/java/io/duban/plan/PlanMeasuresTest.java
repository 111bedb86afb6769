package io.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.config.ConfigDirectory;
import io.duban.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Milestones (时间节点) and metrics (工作指标) in plan files and in the 任务分解表. */
class PlanMeasuresTest {
    private static final String HEAD = """
            year: 2023
            title: "计划"
            start: 2023-07-28
            deadline: 2023-12-31
            areas:
              - number: 1
                name: "消费协作方面"
                tasks:
                  - number: 16
                    text: "定向采购"
                    lead: [委工会]
                    responsible: [各基层工会]
            """;

    private static Path config(Path dir, String taskTail) throws IOException {
        Path target = dir.resolve("config");
        Files.createDirectories(target.resolve("plans"));
        for (String f : new String[] {"organization.yaml", "roster.yaml"}) {
            Files.copy(Path.of("../config").resolve(f), target.resolve(f));
        }
        Files.writeString(target.resolve("plans/2023.yaml"), HEAD + taskTail);
        return target;
    }

    @Test
    void milestonesAndMetrics_areRead_sortedByDate_andWrittenBackEqual(@TempDir Path dir) throws IOException {
        Path cfg = config(dir, """
                        milestones:
                          - date: 2023-11-30
                            text: "完成中秋国庆采购"
                          - date: 2023-09-30
                            text: "完成工会采购计划"
                            percent: 30
                        metrics:
                          - name: "采购金额"
                            unit: "万元"
                            combine: sum
                            target: 50
                          - name: "上架产品"
                            unit: "个"
                            combine: latest
                """);
        ConfigDirectory config = ConfigDirectory.load(cfg, n -> null);
        PlanTask t = config.currentPlan().task(16).orElseThrow();
        assertThat(t.milestones()).containsExactly(
                new Milestone(LocalDate.of(2023, 9, 30), "完成工会采购计划", OptionalInt.of(30)),
                new Milestone(LocalDate.of(2023, 11, 30), "完成中秋国庆采购", OptionalInt.empty()));
        assertThat(t.metrics()).containsExactly(
                new MetricDefinition("采购金额", "万元", MetricDefinition.Combine.SUM, Optional.of(50.0)),
                new MetricDefinition("上架产品", "个", MetricDefinition.Combine.LATEST, Optional.empty()));

        Path copy = dir.resolve("copy/2023.yaml");
        PlanFiles.write(config.currentPlan(), copy);
        assertThat(PlanFiles.load(copy, config.organization())).isEqualTo(config.currentPlan());
    }

    @Test
    void aMilestoneOutsideThePlan_anUnknownCombine_aRepeatedMetric_areNamedWithFileAndLine(@TempDir Path dir)
            throws IOException {
        Path late = config(dir.resolve("a"), """
                        milestones:
                          - date: 2024-01-15
                            text: "总结"
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(late, n -> null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("2023.yaml:14: areas[0].tasks[0].milestones[0].date: the milestone date 2024-01-15"
                        + " is outside the task's period 2023-07-28 to 2023-12-31");
        Path combine = config(dir.resolve("b"), """
                        metrics:
                          - name: "采购金额"
                            unit: "万元"
                            combine: average
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(combine, n -> null))
                .hasMessageContaining("2023.yaml:16: areas[0].tasks[0].metrics[0].combine: expected sum or latest");
        Path twice = config(dir.resolve("c"), """
                        metrics:
                          - name: "采购金额"
                            unit: "万元"
                          - name: "采购金额"
                            unit: "元"
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(twice, n -> null))
                .hasMessageContaining("metrics[1].name: metric '采购金额' appears twice in this task");
        Path digits = config(dir.resolve("d"), """
                        metrics:
                          - name: "采购 金额2"
                            unit: "万元"
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(digits, n -> null))
                .hasMessageContaining("metrics[0].name: a metric name must not contain digits");
    }

    @Test
    void theShippedPlan_carriesMetricsWithoutTargets_onlyTask17HasItsStatedTarget() {
        WorkPlan plan = ConfigDirectory.load(Path.of("../config"), n -> null).plans().get(2023);
        assertThat(plan.task(16).orElseThrow().metrics()).extracting(MetricDefinition::name, MetricDefinition::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("采购金额", "万元"));
        assertThat(plan.task(10).orElseThrow().metrics()).extracting(MetricDefinition::name).containsExactly("培训");
        assertThat(plan.tasks()).flatExtracting(PlanTask::metrics).allSatisfy(m -> assertThat(m.target()).isEmpty());
        assertThat(plan.task(17).orElseThrow().kpi().orElseThrow().targetPercent()).isEqualTo(15.0);
        assertThat(plan.tasks()).allSatisfy(t -> assertThat(t.milestones()).isEmpty());
    }

    @Test
    void milestoneText_readsDatesWithAndWithoutYear_andAPercent_andRefusesNonsense() {
        assertThat(MilestoneText.parse("2023-10-31 完成产销对接会", 2023)).isEqualTo(new MilestoneText.Result.Ok(
                new Milestone(LocalDate.of(2023, 10, 31), "完成产销对接会", OptionalInt.empty())));
        assertThat(MilestoneText.parse("10月31日 完成产销对接会（60%）", 2023)).isEqualTo(new MilestoneText.Result.Ok(
                new Milestone(LocalDate.of(2023, 10, 31), "完成产销对接会", OptionalInt.of(60))));
        assertThat(MilestoneText.parse("完成产销对接会", 2023)).isInstanceOf(MilestoneText.Result.Invalid.class);
        assertThat(MilestoneText.parse("2023-02-30 某事", 2023)).isInstanceOf(MilestoneText.Result.Invalid.class);
        assertThat(MilestoneText.parse("2023-10-31 某事 120%", 2023)).isInstanceOf(MilestoneText.Result.Invalid.class);
        assertThat(MilestoneText.parse("2023-10-31", 2023)).isInstanceOf(MilestoneText.Result.Invalid.class);
    }

    @Test
    void aTimeNodeColumn_inTheTable_becomesTheTasksMilestones_andABadOneIsNamed() {
        ConfigDirectory config = ConfigDirectory.load(Path.of("../config"), n -> null);
        WorkPlan shipped = config.plans().get(2023);
        TsvPlanImporter importer = new TsvPlanImporter(config.organization());
        TsvPlanImporter.Header header = new TsvPlanImporter.Header(2023, "计划", "", shipped.start(), shipped.deadline());
        String tsv = "序号\t工作要点\t具体任务\t牵头单位\t责任单位\t时间节点\n"
                + "4\t消费协作方面\t15. 促进销售\t农管科\t农技中心\t\"2023-09-30 上架产品 40%\n2023-10-31 完成产销对接会\"\n"
                + "\t\t16. 定向采购\t委工会\t各基层工会\t\n";
        WorkPlan plan = importer.read("t.tsv", tsv, header, Optional.of(shipped));
        assertThat(plan.task(15).orElseThrow().milestones()).extracting(Milestone::label)
                .containsExactly("9月30日 上架产品（40%）", "10月31日 完成产销对接会");
        assertThat(plan.task(16).orElseThrow().milestones()).isEmpty();
        assertThat(plan.task(16).orElseThrow().metrics()).isEqualTo(shipped.task(16).orElseThrow().metrics());

        String bad = "序号\t工作要点\t具体任务\t牵头单位\t责任单位\t时间节点\n"
                + "4\t消费协作方面\t15. 促进销售\t农管科\t农技中心\t本月底前完成\n";
        assertThatThrownBy(() -> importer.read("t.tsv", bad, header, Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.tsv:2: 时间节点: 时间节点应以日期开头");
        List<MilestoneText.Result> two = MilestoneText.parseAll("2023-09-30 甲；2023-10-31 乙 50%", 2023);
        assertThat(two).hasSize(2).allMatch(r -> r instanceof MilestoneText.Result.Ok);
    }
}
