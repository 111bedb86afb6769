package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.serve.ServeStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatusCommandTest {
    @TempDir
    Path dir;

    private String status(Path statusFile) {
        StatusCommand command = new StatusCommand();
        command.global = new GlobalOptions();
        command.global.env = Map.of("DUBAN_STATUS_FILE", statusFile.toString(),
                "DUBAN_DB", "jdbc:sqlite:" + dir.resolve("duban.db"));
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute()).isZero();
        return out.toString();
    }

    @Test
    void givenAFreshStatusFromALiveProcess_thenItShowsTheConnectionAndTheOutbox() {
        Path file = dir.resolve("serve-status.json");
        new ServeStatus(ProcessHandle.current().pid(), Instant.now().toString(), "WAITING_TO_RECONNECT",
                Instant.now().toString(), 3, "connection closed (1006)", "aibTestBot01", 2,
                Map.of("pending", 4L)).write(file);

        String out = status(file);

        assertThat(out).contains("运行中").contains("等待重连").contains("重连 3 次")
                .contains("connection closed (1006)").contains("aibTestBot01").contains("待发 pending 0");
    }

    @Test
    void givenAStaleStatus_thenItSaysServeIsNotRunning() {
        Path file = dir.resolve("serve-status.json");
        new ServeStatus(ProcessHandle.current().pid(), Instant.now().minusSeconds(600).toString(), "ONLINE",
                Instant.now().toString(), 0, "", "aibTestBot01", 0, Map.of()).write(file);
        assertThat(status(file)).contains("未运行").contains("not running");
        assertThat(status(dir.resolve("missing.json"))).contains("未运行（没有状态文件");
    }
}
