package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code plan list --json} shows each task's milestones and metric definitions. */
class PlanMeasuresJsonTest {
    @TempDir
    Path dir;

    @Test
    void milestonesAndMetricDefinitions_areListed() throws IOException {
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("plans"));
        for (String f : new String[] {"organization.yaml", "roster.yaml", "plans/2023.yaml"}) {
            Files.copy(Path.of("../config").resolve(f), config.resolve(f));
        }
        Path plan = config.resolve("plans/2023.yaml");
        String yaml = Files.readString(plan).replace("""
                        lead: ["委工会"]
                        responsible: ["各基层工会"]
                """, """
                        lead: ["委工会"]
                        responsible: ["各基层工会"]
                        milestones:
                          - date: 2023-09-28
                            text: "完成中秋国庆采购"
                            percent: 50
                """);
        assertThat(yaml).contains("完成中秋国庆采购");
        Files.writeString(plan, yaml);

        StringWriter out = new StringWriter();
        CommandLine cl = DubanCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute(Stream.of("plan", "list", "--json", "--config", config.toString(),
                "--db", "jdbc:sqlite:" + dir.resolve("duban.db")).toArray(String[]::new));
        assertThat(code).isZero();
        JsonNode tasks = new ObjectMapper().readTree(out.toString());
        JsonNode t16 = tasks.get(15);
        assertThat(t16.get("number").asInt()).isEqualTo(16);
        assertThat(t16.get("milestones").toString())
                .isEqualTo("[{\"date\":\"2023-09-28\",\"text\":\"完成中秋国庆采购\",\"percent\":50}]");
        assertThat(t16.get("metrics").toString())
                .isEqualTo("[{\"name\":\"采购金额\",\"unit\":\"万元\",\"combine\":\"sum\",\"target\":null}]");
        JsonNode t15 = tasks.get(14);
        assertThat(t15.get("metrics")).extracting(m -> m.get("combine").asText()).containsExactly("latest", "sum");
        assertThat(tasks.get(0).get("milestones")).isEmpty();
    }
}
