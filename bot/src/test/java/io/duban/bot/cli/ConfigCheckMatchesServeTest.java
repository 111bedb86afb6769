package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code config check} and {@code serve} read the settings through the same code, so they fail and pass on the same
 * files: here a calendar file that takes a day off from the environment ({@code ${EXTRA_DAY_OFF}}).
 */
class ConfigCheckMatchesServeTest {
    @TempDir
    Path dir;
    private Path config;
    private final Map<String, String> env = new HashMap<>();

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("config");
        Path source = Path.of("../config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                String rel = source.relativize(f).toString();
                if (rel.startsWith("src") || rel.startsWith("target") || rel.equals("duban.yml")) {
                    continue;
                }
                Path target = config.resolve(rel);
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.writeString(config.resolve("calendar/local.yaml"), """
                # a local day off, set per installation
                years:
                  2023:
                    off: ["${EXTRA_DAY_OFF}"]
                """);
        env.put("DUBAN_HOME", dir.toString());
        env.put("WECOM_BOT_ID", "aib-test-bot");
        env.put("WECOM_BOT_SECRET", "test-secret-0123456789");
    }

    private Result run(String... args) {
        CommandLine cl = DubanCommand.commandLine();
        ((DubanCommand) cl.getCommand()).global.env = Map.copyOf(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = Stream.concat(Stream.of(args), Stream.of("--config", config.toString(),
                "--db", "jdbc:sqlite:" + dir.resolve("duban.db"))).toArray(String[]::new);
        int code = cl.execute(all);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void withTheVariableUnset_bothRefuse_namingTheFileAndTheVariable() {
        Result check = run("config", "check");
        Result serve = run("serve", "--dry-run");
        assertThat(check.code()).isNotZero();
        assertThat(check.out()).contains("✗", "local.yaml:4", "EXTRA_DAY_OFF");
        assertThat(serve.code()).isEqualTo(2);
        assertThat(serve.err()).contains("local.yaml:4", "EXTRA_DAY_OFF").doesNotContain("test-secret");
    }

    @Test
    void withTheVariableSet_bothAccept_andServeRunsOnThatCalendar() {
        env.put("EXTRA_DAY_OFF", "2023-10-13");
        Result check = run("config", "check");
        assertThat(check.code()).as(check.out()).isZero();
        Result serve = run("serve", "--dry-run");
        assertThat(serve.code()).as(serve.err()).isZero();
        assertThat(serve.out()).contains("可以启动");
        // the day off from the environment moves the group reminder due on Friday 13 October
        Result jobs = run("job", "list", "--now", "2023-10-12T16:00+08:00");
        assertThat(jobs.out()).contains("group-reminder").doesNotContain("2023-10-13 14:00");
        env.put("EXTRA_DAY_OFF", "2023-11-03");
        assertThat(run("job", "list", "--now", "2023-10-12T16:00+08:00").out()).contains("2023-10-13 14:00");
    }

    @Test
    void aMistakeInAnotherSection_isRefusedByBoth() throws IOException {
        env.put("EXTRA_DAY_OFF", "2023-10-13");
        Files.writeString(config.resolve("duban.yml"), "schedule:\n  quietHourz: 22:00-07:00\n");
        for (List<String> command : List.of(List.of("config", "check"), List.of("serve", "--dry-run"))) {
            Result r = run(command.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", command)).isNotZero();
            assertThat(r.out() + r.err()).contains("duban.yml:2", "quietHourz");
        }
    }

    @Test
    void aHalfConfiguredAppOrCallback_isRefusedByBoth_withTheSameWords() {
        env.put("EXTRA_DAY_OFF", "2023-10-13");
        env.put("WECOM_AGENT_ID", "1000002"); // no WECOM_AGENT_SECRET, no WECOM_CORP_ID
        env.put("WECOM_CALLBACK_TOKEN", "token-only"); // no WECOM_CALLBACK_AES_KEY
        Result check = run("config", "check");
        Result serve = run("serve", "--dry-run");
        assertThat(check.code()).isNotZero();
        assertThat(serve.code()).isEqualTo(2);
        for (String missing : List.of("WECOM_AGENT_SECRET is missing", "WECOM_CORP_ID is missing")) {
            assertThat(check.out()).contains(missing);
            assertThat(serve.err()).contains(missing);
        }
        assertThat(serve.err()).contains("HTTP 回调");
    }

    @Test
    void configCheck_namesTheDatabaseTheOtherCommandsOpen_withoutItsPassword() {
        env.put("EXTRA_DAY_OFF", "2023-10-13");
        env.put("DUBAN_DB", "jdbc:postgresql://127.0.0.1:5432/duban?user=duban&password=s3cret");
        CommandLine cl = DubanCommand.commandLine();
        ((DubanCommand) cl.getCommand()).global.env = Map.copyOf(env);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.execute("config", "check", "--config", config.toString());
        assertThat(out.toString()).contains("数据库 database", "jdbc:postgresql://127.0.0.1:5432/duban?user=duban&password=…")
                .doesNotContain("s3cret");
    }
}
