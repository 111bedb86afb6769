package io.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.config.ConfigDirectory;
import io.duban.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsvPlanImporterTest {
    static ConfigDirectory config;
    static WorkPlan shipped;
    static TsvPlanImporter importer;
    static TsvPlanImporter.Header header;

    @BeforeAll
    static void load() {
        config = ConfigDirectory.load(Path.of("../config"), name -> null);
        shipped = config.plans().get(2023);
        importer = new TsvPlanImporter(config.organization());
        header = new TsvPlanImporter.Header(2023, shipped.title(), shipped.document(), shipped.start(), shipped.deadline());
    }

    static String seedTable() throws IOException {
        return new String(TsvPlanImporterTest.class.getResourceAsStream("/seed-table-2023.tsv").readAllBytes(),
                StandardCharsets.UTF_8);
    }

    @Test
    void givenTheSeedTable_withTheShippedPlanAsBase_importGivesExactlyTheShippedPlan() throws IOException {
        WorkPlan imported = importer.read("seed.tsv", seedTable(), header, Optional.of(shipped));
        assertThat(imported).isEqualTo(shipped);
    }

    @Test
    void givenTheSeedTable_withoutBase_onlyTheNumericTargetIsMissing() throws IOException {
        WorkPlan imported = importer.read("seed.tsv", seedTable(), header, Optional.empty());
        assertThat(imported.tasks()).hasSize(19);
        for (PlanTask t : shipped.tasks()) {
            PlanTask i = imported.task(t.number()).orElseThrow();
            assertThat(i.text()).isEqualTo(t.text());
            assertThat(i.leadUnits()).isEqualTo(t.leadUnits());
            assertThat(i.responsibleUnits()).isEqualTo(t.responsibleUnits());
            assertThat(i.areaName()).isEqualTo(t.areaName());
        }
        assertThat(imported.task(17).orElseThrow().kpi()).isEmpty();
    }

    @Test
    void theSeedFileItself_whenPresent_holdsTheSameTable() throws IOException {
        Path seed = Path.of("../../shared/seed/000_0b735b6ff938e478.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(seed), "shared/ beside the checkout");
        String table = Files.readString(seed).lines().filter(l -> l.contains("\t"))
                .reduce("", (a, b) -> a + b + "\n");
        WorkPlan imported = importer.read("seed", table, header, Optional.of(shipped));
        assertThat(imported).isEqualTo(shipped);
    }

    @Test
    void excelQuotedCellsWithLineBreaks_areOneCell() {
        String tsv = "序号\t工作要点\t具体任务\t牵头单位\t责任单位\n"
                + "1\t组织领导方面\t\"1. 第一项\n续行\"\t办公室\t\"各相关科室\n委属单位\"\n";
        WorkPlan plan = importer.read("x.tsv", tsv, header, Optional.empty());
        assertThat(plan.task(1).orElseThrow().text()).isEqualTo("第一项\n续行");
        assertThat(plan.task(1).orElseThrow().responsibleUnits()).containsExactly("各相关科室", "委属单位");
    }

    @Test
    void anUnknownUnit_isNamedWithItsLineAndColumn() {
        String tsv = "序号\t工作要点\t具体任务\t牵头单位\t责任单位\n1\t组织领导方面\t1. 某项\t办公室\t农机科\n";
        assertThatThrownBy(() -> importer.read("x.tsv", tsv, header, Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.tsv:2: 责任单位: unknown unit or unit group '农机科'; add it to config/organization.yaml");
    }

    @Test
    void aTaskWithoutNumber_orWithoutArea_isRejectedWithItsLine() {
        String noNumber = "1\t组织领导方面\t某项工作\t办公室\t委属单位\n";
        assertThatThrownBy(() -> importer.read("x.tsv", noNumber, header, Optional.empty()))
                .hasMessageStartingWith("x.tsv:1: 具体任务: must start with the task number");
        String noArea = "\t\t1. 某项\t办公室\t委属单位\n";
        assertThatThrownBy(() -> importer.read("x.tsv", noArea, header, Optional.empty()))
                .hasMessageStartingWith("x.tsv:1: 工作要点:");
        String fewColumns = "1\t组织领导方面\t1. 某项\n";
        assertThatThrownBy(() -> importer.read("x.tsv", fewColumns, header, Optional.empty()))
                .hasMessageContaining("expected 5 tab-separated columns");
    }

    @Test
    void aWrittenPlan_loadsBackEqual(@TempDir Path dir) {
        Path file = dir.resolve("2023.yaml");
        PlanFiles.write(shipped, file);
        assertThat(PlanFiles.load(file, config.organization())).isEqualTo(shipped);
    }
}
