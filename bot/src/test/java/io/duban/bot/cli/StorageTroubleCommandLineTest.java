package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.serve.ServeStatus;
import io.duban.storage.Storage;
import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.ServeInstance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What an operator sees of storage trouble: serve refuses an unwritable database; status shows faults and backlog. */
class StorageTroubleCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void serveOnADatabaseItCannotWrite_isRefusedWithOneLineNamingFileAndCause() {
        Path file = dir.resolve("duban.db");
        Storage.open("jdbc:sqlite:" + file).close();
        CommandLine cl = DubanCommand.commandLine();
        ((DubanCommand) cl.getCommand()).global.env = Map.of(
                "WECOM_BOT_ID", "aibTestBot01", "WECOM_BOT_SECRET", "s3cr3t-s3cr3t-s3cr3t",
                "WECOM_WS_URL", "ws://127.0.0.1:9", "DUBAN_HOME", dir.toString(),
                "DUBAN_DB", "jdbc:sqlite:file:" + file + "?mode=ro",
                "DUBAN_CONFIG", Path.of("../config").toAbsolutePath().toString());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("serve");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1).first().asString()
                .contains(file.toString()).contains("the database is read-only");
    }

    @Test
    void statusShowsTheStorageFault_theInstances_andTheMessagesWithoutAnswer() {
        Path db = dir.resolve("duban.db");
        Instant now = Instant.now();
        try (Storage storage = Storage.open("jdbc:sqlite:" + db)) {
            storage.instances().heartbeat(new ServeInstance("host-a-42", "host-a", 42, "active", now, now, "ONLINE"));
            storage.inbound().receive(new InboundRecord("m1", "wecom-ws", "liuyang", Optional.empty(), "single",
                    "帮助", Optional.empty(), now));
            long expired = storage.inbound().receive(new InboundRecord("m2", "wecom-ws", "liuyang", Optional.empty(),
                    "single", "帮助", Optional.empty(), now)).id();
            storage.inbound().markAnswered(expired, "expired", now);
            long quick = storage.inbound().receive(new InboundRecord("m3", "wecom-ws", "liuyang", Optional.empty(),
                    "single", "帮助", Optional.empty(), now)).id();
            storage.inbound().markAnswered(quick, "help", now.plusMillis(300));
            long slow = storage.inbound().receive(new InboundRecord("m4", "wecom-ws", "liuyang", Optional.empty(),
                    "single", "帮助", Optional.empty(), now)).id();
            storage.inbound().markAnswered(slow, "help", now.plusSeconds(90));
        }
        Path statusFile = dir.resolve("serve-status.json");
        new ServeStatus(ProcessHandle.current().pid(), now.toString(), "ONLINE", now.toString(), 0, "",
                "aibTestBot01", 0, Map.of(), "cannot store in " + db + ": the disk is full").write(statusFile);
        StatusCommand command = new StatusCommand();
        command.global = new GlobalOptions();
        command.global.env = Map.of("DUBAN_STATUS_FILE", statusFile.toString(), "DUBAN_DB", "jdbc:sqlite:" + db);
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));

        assertThat(cl.execute()).isZero();

        assertThat(out.toString())
                .contains("数据库故障 / storage problem：cannot store in " + db + ": the disk is full")
                .contains("系统暂时无法保存您的消息")
                .contains("实例 / instance host-a-42：主机 host-a，pid 42，主用 active")
                .contains("待答复 unanswered 1，过期未答复 expired 1")
                .contains("答复用时 / waited for an answer：<1 s 1 | 1–5 s 0 | 5–60 s 0 | 1–10 min 1 | >10 min 0"
                        + " | 过期 expired 1");
    }
}
