package io.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.config.ConfigDirectory;
import io.duban.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who owes each task's report, how often, and the short titles: as the shipped plan says and as files carry them. */
class PlanReportingTest {
    static ConfigDirectory config;
    static WorkPlan plan;
    static Organization org;

    @BeforeAll
    static void load() {
        config = ConfigDirectory.load(Path.of("../config"), name -> null);
        plan = config.plans().get(2023);
        org = config.organization();
    }

    private static PlanTask task(int n) {
        return plan.task(n).orElseThrow();
    }

    @Test
    void leadUnitsOwe_responsibleUnitsContribute() {
        assertThat(org.owedBy(task(1))).containsExactly("办公室");
        assertThat(org.contributors(task(1))).hasSize(10).doesNotContain("办公室");
        assertThat(org.owedBy(task(15))).containsExactly("农管科");
        assertThat(org.contributors(task(15))).containsExactly("农技中心");
    }

    @Test
    void twoLeadTasks_owedByBothLeads() {
        for (int n : new int[] {12, 18, 19}) {
            assertThat(org.owedBy(task(n))).as("task " + n).hasSize(2);
        }
        assertThat(org.owedBy(task(12))).containsExactly("农管科", "集指科");
    }

    @Test
    void tasksWhoseWorkIsTheResponsibleUnits_letThemOweToo() {
        assertThat(org.owedBy(task(8))).containsExactly("党群科", "援外干部");
        assertThat(org.owedBy(task(16))).containsExactly("委工会", "机关工会", "事业单位工会");
        assertThat(org.owedBy(task(17))).containsExactly("党群科", "机关党支部", "事业单位党支部");
        assertThat(org.contributors(task(17))).isEmpty();
    }

    @Test
    void everyTask_hasAShortTitleOfAtMost12Characters_andAReasonForItsCadence() {
        for (PlanTask t : plan.tasks()) {
            assertThat(t.shortTitle().codePointCount(0, t.shortTitle().length())).as("task " + t.number())
                    .isBetween(2, PlanTask.MAX_SHORT_TITLE);
            assertThat(t.reporting().reason()).as("task " + t.number()).isNotBlank();
        }
        assertThat(plan.tasks()).extracting(PlanTask::shortTitle).doesNotHaveDuplicates()
                .contains("强化政治意识", "加强跟踪督促", "干部选派", "援外干部管理", "前方干部履职", "推动产业发展",
                        "推进合作共建", "和美乡村建设", "促进农特产品销售", "消费帮扶采购", "职工疗休养", "三交活动", "宣传帮扶成果");
    }

    @Test
    void shippedCadences_followTheSeedsWording() {
        assertThat(task(3).cadence().kind()).isEqualTo(Cadence.Kind.ONCE);
        assertThat(task(5).cadence().kind()).isEqualTo(Cadence.Kind.NONE);
        assertThat(task(12).cadence().kind()).isEqualTo(Cadence.Kind.WEEKLY);
        assertThat(task(16).cadence().kind()).isEqualTo(Cadence.Kind.BEFORE_HOLIDAYS);
        assertThat(task(16).cadence().holidays()).containsExactly("元旦", "春节", "中秋", "国庆");
        assertThat(task(17).cadence().kind()).isEqualTo(Cadence.Kind.MONTHLY);
        assertThat(task(7).cadence().monthWeek()).isEqualTo(2);
    }

    @Test
    void writingAndReadingBack_keepsShortTitlesAndReporting(@TempDir Path dir) {
        Path file = dir.resolve("2023.yaml");
        PlanFiles.write(plan, file);
        assertThat(PlanFiles.load(file, org)).isEqualTo(plan);
    }

    @Test
    void planWideDefaults_applyToTasksThatSayNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2024.yaml");
        Files.writeString(file, """
                year: 2024
                title: "t"
                start: 2024-01-01
                deadline: 2024-12-31
                reporting: {cadence: biweekly, responsibleOwe: true}
                areas:
                  - number: 1
                    name: "a"
                    tasks:
                      - {number: 1, text: "第一项任务，很长的文字", lead: [办公室], responsible: [农管科]}
                      - {number: 2, text: "x", lead: [办公室], responsible: [农管科], cadence: monthly, responsibleOwe: false}
                """);
        WorkPlan p = PlanFiles.load(file, org);
        assertThat(p.task(1).orElseThrow().cadence().kind()).isEqualTo(Cadence.Kind.BIWEEKLY);
        assertThat(org.owedBy(p.task(1).orElseThrow())).containsExactly("办公室", "农管科");
        assertThat(p.task(1).orElseThrow().shortTitle()).isEqualTo("第一项任务");
        assertThat(p.task(2).orElseThrow().cadence().kind()).isEqualTo(Cadence.Kind.MONTHLY);
        assertThat(org.owedBy(p.task(2).orElseThrow())).containsExactly("办公室");
    }

    @Test
    void anUnknownCadenceOrALongShortTitle_isNamedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2024.yaml");
        String head = "year: 2024\ntitle: t\nstart: 2024-01-01\ndeadline: 2024-12-31\nareas:\n  - number: 1\n"
                + "    name: a\n    tasks:\n      - number: 1\n        text: x\n        lead: [办公室]\n";
        Files.writeString(file, head + "        cadence: daily\n");
        assertThatThrownBy(() -> PlanFiles.load(file, org)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("2024.yaml:12").hasMessageContaining("unknown cadence 'daily'");
        Files.writeString(file, head + "        shortTitle: \"一二三四五六七八九十一二三\"\n");
        assertThatThrownBy(() -> PlanFiles.load(file, org)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("2024.yaml:12").hasMessageContaining("more than 12 characters");
    }

    @Test
    void importWithAShortTitleColumn_usesIt_andKeepsReportingFromTheBase() {
        String tsv = "序号\t工作要点\t具体任务\t牵头单位\t责任单位\t简称\n"
                + "1\t组织领导方面\t1. 新的第一项\t办公室\t各相关科室\t议题审议\n"
                + "\t\t2. 第二项\t办公室\t各相关科室\t\n";
        TsvPlanImporter.Header header = new TsvPlanImporter.Header(2023, plan.title(), "", plan.start(), plan.deadline());
        WorkPlan imported = new TsvPlanImporter(org).read("x.tsv", tsv, header, Optional.of(plan));
        assertThat(imported.task(1).orElseThrow().shortTitle()).isEqualTo("议题审议");
        assertThat(imported.task(1).orElseThrow().reporting()).isEqualTo(task(1).reporting());
        assertThat(imported.task(2).orElseThrow().shortTitle()).isEqualTo(task(2).shortTitle());
    }
}
