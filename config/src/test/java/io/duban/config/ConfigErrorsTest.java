package io.duban.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.plan.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid files are refused with the file, the line and the field. */
class ConfigErrorsTest {
    private static final String PLAN_HEAD = """
            year: 2023
            title: "计划"
            start: 2023-07-28
            deadline: 2023-12-31
            areas:
              - number: 1
                name: "组织领导方面"
                tasks:
            """;

    private static Path copyConfig(Path dir) throws IOException {
        Path target = dir.resolve("config");
        Files.createDirectories(target.resolve("plans"));
        for (String f : new String[] {"organization.yaml", "roster.yaml", "plans/2023.yaml"}) {
            Files.copy(Path.of("../config").resolve(f), target.resolve(f));
        }
        return target;
    }

    private static Path writePlan(Path dir, String tasks) throws IOException {
        Path config = copyConfig(dir);
        Files.writeString(config.resolve("plans/2023.yaml"), PLAN_HEAD + tasks);
        return config;
    }

    @Test
    void anUnknownUnitInAPlan_namesFileLineAndField(@TempDir Path dir) throws IOException {
        Path config = writePlan(dir, """
                      - number: 1
                        text: "某项"
                        lead: [办公室]
                        responsible: [农机科]
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(config, name -> null))
                .isInstanceOf(ConfigException.class)
                .hasMessage(config.resolve("plans/2023.yaml") + ":12: areas[0].tasks[0].responsible: "
                        + "unknown unit or unit group '农机科'; add it to config/organization.yaml");
    }

    @Test
    void aBadDate_aMissingLead_aDuplicateNumber_areNamed(@TempDir Path dir) throws IOException {
        Path badDate = writePlan(dir.resolve("a"), """
                      - number: 1
                        text: "某项"
                        lead: [办公室]
                        deadline: 2023-13-01
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(badDate, name -> null))
                .hasMessageEndingWith(":12: areas[0].tasks[0].deadline: expected a date like 2023-12-31, got '2023-13-01'");
        Path noLead = writePlan(dir.resolve("b"), """
                      - number: 1
                        text: "某项"
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(noLead, name -> null))
                .hasMessageEndingWith(":9: areas[0].tasks[0].lead: is required");
        Path duplicate = writePlan(dir.resolve("c"), """
                      - number: 1
                        text: "某项"
                        lead: [办公室]
                      - number: 1
                        text: "另一项"
                        lead: [办公室]
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(duplicate, name -> null))
                .hasMessageEndingWith(":12: areas[0].tasks[1].number: task number 1 appears twice");
    }

    @Test
    void aTypoInAKey_isAnError_notASilentlyIgnoredSetting(@TempDir Path dir) throws IOException {
        Path config = copyConfig(dir);
        Files.writeString(config.resolve("duban.yml"), "timezone: Asia/Shanghai\npaceTolerancePercnt: 10\n");
        assertThatThrownBy(() -> ConfigDirectory.load(config, name -> null))
                .hasMessageContaining("duban.yml:2: paceTolerancePercnt: unknown key");
    }

    @Test
    void settingsResolveEnvironmentReferences_andAMissingVariableIsNamed(@TempDir Path dir) throws IOException {
        Path config = copyConfig(dir);
        Files.writeString(config.resolve("duban.yml"), "botName: ${BOT_NAME:-督办助手}\nstaleWeeks: ${STALE}\n");
        Map<String, String> env = Map.of("STALE", "3");
        org.assertj.core.api.Assertions.assertThat(ConfigDirectory.load(config, env::get).settings().staleWeeks())
                .isEqualTo(3);
        assertThatThrownBy(() -> ConfigDirectory.load(config, name -> null))
                .hasMessageContaining("duban.yml:2: staleWeeks: environment variable STALE is not set");
    }

    @Test
    void aRosterPersonInAnUnknownUnit_orWithABadRole_isNamed(@TempDir Path dir) throws IOException {
        Path config = copyConfig(dir);
        Files.writeString(config.resolve("roster.yaml"), """
                people:
                  - {userid: a, name: 甲, unit: 办公室, role: boss}
                """);
        assertThatThrownBy(() -> ConfigDirectory.load(config, name -> null))
                .hasMessageContaining("roster.yaml:2: people[0].role: role must be staff, contact, leader or admin");
    }

    @Test
    void invalidYaml_isNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("2023.yaml");
        Files.writeString(file, "year: 2023\ntitle: [unclosed\n");
        assertThatThrownBy(() -> PlanFiles.load(file, new io.duban.plan.Organization(java.util.List.of(), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
    }
}
