package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.Storage;
import io.duban.storage.model.OutboxEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code duban job list | preview | run} on the shipped configuration and a real SQLite file. */
class JobCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        CommandLine cl = DubanCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = args[1];
        all[2] = "--config=../config";
        all[3] = "--db=jdbc:sqlite:" + dir.resolve("duban.db");
        System.arraycopy(args, 2, all, 4, args.length - 2);
        int code = cl.execute(all);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void list_showsEachJobsNextRun() {
        Result r = run("job", "list", "--now=2023-10-05T12:00+08:00");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("weekly-prompt", "下次：2023-10-07 15:00 周六  周期 2023-W40（原定 2023-10-05，非工作日已调整）",
                "holiday-reminder", "下次：2023-12-25 10:00 周一  周期 2024-01-01");
    }

    @Test
    void preview_printsChatsMentionsAndText_withoutClaiming() {
        Result r = run("job", "preview", "group-reminder", "--at=2023-10-13T14:00+08:00");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("不发送、不登记", "群 wr-demo-ngk（农管科）", "@ 刘洋（liuyang，农管科）",
                "温馨提醒：农管科本周（第41周）");
        try (Storage s = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"))) {
            assertThat(s.outbox().list(Arrays.asList(OutboxEntry.Status.values()), 1000)).isEmpty();
            assertThat(s.jobRuns().find("group-reminder", "2023-W41")).isEmpty();
        }
    }

    @Test
    void run_claimsAndPrintsWhatWasEnqueued_andASecondRunSendsNothing() {
        Result night = run("job", "run", "weekly-summary", "--at=2023-10-16T09:00+08:00", "--now=2023-10-16T21:00+08:00");
        assertThat(night.code()).isEqualTo(1);
        assertThat(night.err()).contains("免打扰", "--force");
        Result first = run("job", "run", "weekly-summary", "--at=2023-10-16T09:00+08:00", "--now=2023-10-16T09:05+08:00");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("已写入发件箱 2 条", "群 wr-demo-leaders（领导群）", "【督办周报】第41周");
        Result second = run("job", "run", "weekly-summary", "--at=2023-10-16T09:00+08:00", "--force");
        assertThat(second.out()).contains("已经执行过", "不会重复发送");
        try (Storage s = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"))) {
            assertThat(s.outbox().list(Arrays.asList(OutboxEntry.Status.values()), 1000)).hasSize(2);   // digest + chart
        }
    }

    @Test
    void anUnknownJob_getsAClearAnswer() {
        Result r = run("job", "preview", "weekly-report", "--at=2023-10-16T09:00+08:00");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("没有名为 weekly-report 的任务", "weekly-summary");
    }

    @Test
    void configCheck_describesTheScheduleAndCalendar_andNamesAMistake() throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        new ConfigCheck(new PrintWriter(text), java.util.Map.of()).run(Path.of("../config"));
        assertThat(text.toString()).contains("定时任务与节假日", "数据至 2026-12-31", "填报提示 周四 15:00",
                "领导周报 周一 09:00", "月度通报 每月 25 日 09:00");

        Path config = dir.resolve("config");
        copy(Path.of("../config"), config);
        java.nio.file.Files.writeString(config.resolve("duban.yml"), "schedule:\n  jobs:\n    weekly-prompt: {at: \"THU 22:00\"}\n");
        java.io.StringWriter bad = new java.io.StringWriter();
        int problems = new ConfigCheck(new PrintWriter(bad), java.util.Map.of()).run(config);
        assertThat(problems).isPositive();
        assertThat(bad.toString()).contains("✗", "duban.yml:3", "quiet hours");
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path f : files.filter(p -> !p.toString().contains("target") && !p.toString().contains("src")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(f, target);
                }
            }
        }
    }
}
