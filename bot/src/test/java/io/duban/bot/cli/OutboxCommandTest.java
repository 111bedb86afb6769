package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.ClaimedEntry;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OutboxCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine cl = DubanCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void givenPendingAndFailedMessages_thenTheyAreListedAndAnAdminCanRetryOrDropThem() {
        String db = "jdbc:sqlite:" + dir.resolve("duban.db");
        long failedId;
        long pendingId;
        try (Storage storage = Storage.open(db)) {
            Instant now = Instant.now();
            failedId = storage.outbox().enqueue(OutboundMessage.markdown(Address.group("wr-demo-ngk"),
                    "本周督办周报：红灯 2 项", null), now).orElseThrow().id();
            pendingId = storage.outbox().enqueue(OutboundMessage.markdown(Address.person("liuyang"),
                    "请于周五前汇报", null), now).orElseThrow().id();
            ClaimedEntry c = storage.outbox().claim("t", now, Duration.ofSeconds(60), 1).get(0);
            storage.outbox().markFailed(c, "errcode 93000: invalid webhook url", now);
        }

        Run list = run("outbox", "--db", db);
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains(String.valueOf(failedId)).contains("failed").contains("group:wr-demo-ngk")
                .contains("errcode 93000").contains("pending").contains("person:liuyang").contains("请于周五前汇报");

        Run retry = run("outbox", "retry", String.valueOf(failedId), "--db", db);
        assertThat(retry.code()).isZero();
        assertThat(retry.out()).contains("已排队重发");
        Run drop = run("outbox", "drop", String.valueOf(pendingId), "--db", db);
        assertThat(drop.code()).isZero();
        Run again = run("outbox", "drop", String.valueOf(pendingId), "--db", db);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("dropped");
        Run missing = run("outbox", "retry", "999", "--db", db);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("没有这条消息");

        try (Storage storage = Storage.open(db)) {
            assertThat(storage.outbox().find(failedId).orElseThrow().status()).isEqualTo(OutboxEntry.Status.PENDING);
            assertThat(storage.outbox().find(pendingId).orElseThrow().status()).isEqualTo(OutboxEntry.Status.DROPPED);
        }
        Run status = run("status", "--db", db);
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("待发 pending 1").contains("已放弃 dropped 1");
    }

    @Test
    void givenAnEmptyOutbox_thenItSaysSo() {
        Run list = run("outbox", "--db", "jdbc:sqlite:" + dir.resolve("empty.db"));
        assertThat(list.out()).contains("发件箱是空的");
    }
}
