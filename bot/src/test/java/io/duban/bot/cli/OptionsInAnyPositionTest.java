package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.Storage;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ProgressReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --db}, {@code --now} and {@code --config} work before the command's name as well as after it: for every
 * command the two give the same result, on the database and at the moment given (each run has its own database, so
 * a run that ignored {@code --db} would find nothing).
 */
class OptionsInAnyPositionTest {
    private static final String NOW = "2023-10-09T09:00+08:00";
    @TempDir
    Path dir;
    private Path config;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void copyConfig() throws IOException {
        config = dir.resolve("config");
        Path source = Path.of("../config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                String rel = source.relativize(f).toString();
                if (rel.startsWith("src") || rel.startsWith("target")) {
                    continue;
                }
                Path target = config.resolve(rel);
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("duban.yml")) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private String db(String name) {
        return "jdbc:sqlite:" + dir.resolve(name + ".db");
    }

    /** The global options for database {@code name}, fixed at {@link #NOW}. */
    private List<String> options(String name) {
        return List.of("--config", config.toString(), "--db", db(name), "--now", NOW);
    }

    /** {@code duban OPTIONS command args}. */
    private Result before(String name, String... command) {
        List<String> args = new ArrayList<>(options(name));
        args.addAll(Arrays.asList(command));
        return run(args, "");
    }

    /** {@code duban command args OPTIONS}. */
    private Result after(String name, String... command) {
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.addAll(options(name));
        return run(args, "");
    }

    private Result run(List<String> args, String stdin) {
        CommandLine cl = DubanCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        InputStream in = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            if (!stdin.isEmpty()) { // the local chat reads stdin and writes stdout
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            }
            int code = cl.execute(args.toArray(String[]::new));
            return new Result(code, out + captured.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setIn(in);
            System.setOut(stdout);
        }
    }

    /** A report through the local chat on database {@code name}, options before or after {@code chat}. */
    private Result chat(String name, boolean optionsFirst) {
        List<String> args = new ArrayList<>();
        if (optionsFirst) {
            args.addAll(options(name));
        }
        args.addAll(List.of("chat", "--quiet"));
        if (!optionsFirst) {
            args.addAll(options(name));
        }
        return run(args, "12 60% 本周已对接企业2家\n");
    }

    private ProgressReport storedReport(String name) {
        try (Storage s = Storage.open(db(name))) {
            return s.reports().latestEffective(2023, 12, "农管科").orElseThrow();
        }
    }

    private List<OutboxEntry> outbox(String name) {
        try (Storage s = Storage.open(db(name))) {
            return s.outbox().list(Arrays.asList(OutboxEntry.Status.values()), 1000);
        }
    }

    /** The result with the database's file name taken out, to compare runs on two databases. */
    private String sameShape(Result r, String name) {
        String file = dir.resolve(name + ".db").toString();
        return r.code() + "\n" + r.out().replace(file, "DB") + "\n" + r.err().replace(file, "DB");
    }

    @Test
    void chat_storesInTheGivenDatabase_atTheGivenTime() {
        Result a = chat("a", true);
        Result b = chat("b", false);
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("已记录 农管科 对任务 12 的报送").isEqualTo(b.out());
        for (String name : List.of("a", "b")) {
            assertThat(storedReport(name).reportedAt()).isEqualTo(OffsetDateTime.parse(NOW).toInstant());
        }
    }

    @Test
    void jobRunAndList_useTheGivenDatabaseAndMoment() {
        Result a = before("a", "job", "run", "weekly-prompt", "--force");
        Result b = after("b", "job", "run", "weekly-prompt", "--force");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(sameShape(a, "a")).isEqualTo(sameShape(b, "b"));
        assertThat(outbox("a")).isNotEmpty().hasSameSizeAs(outbox("b"));
        assertThat(outbox("a").get(0).createdAt()).isEqualTo(OffsetDateTime.parse(NOW).toInstant());

        Result listA = before("a", "job", "list");
        Result listB = after("b", "job", "list");
        assertThat(listA.out()).contains("weekly-prompt", "2023-10").isEqualTo(listB.out());
        // some before the command, some after
        Result split = run(List.of("--db", db("a"), "job", "list", "--config", config.toString(), "--now", NOW), "");
        assertThat(split.out()).isEqualTo(listA.out());
        // where --help does not show them (between job and list) they are refused, not ignored
        Result refused = run(List.of("job", "--db", db("a"), "list"), "");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("--db");
    }

    @Test
    void outboxListRetryDrop_readTheGivenDatabase() {
        before("a", "job", "run", "weekly-prompt", "--force");
        before("b", "job", "run", "weekly-prompt", "--force");
        Result a = before("a", "outbox");
        Result b = after("b", "outbox");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("pending").isEqualTo(b.out());
        long id = outbox("a").get(0).id();
        assertThat(sameShape(before("a", "outbox", "drop", String.valueOf(id)), "a"))
                .isEqualTo(sameShape(after("b", "outbox", "drop", String.valueOf(id)), "b"));
        assertThat(outbox("a").get(0).status()).isEqualTo(OutboxEntry.Status.DROPPED);
        assertThat(outbox("b").get(0).status()).isEqualTo(OutboxEntry.Status.DROPPED);
        assertThat(sameShape(before("a", "outbox", "retry", String.valueOf(id)), "a"))
                .isEqualTo(sameShape(after("b", "outbox", "retry", String.valueOf(id)), "b"));
        assertThat(outbox("a").get(0).status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(outbox("b").get(0).status()).isEqualTo(OutboxEntry.Status.PENDING);
    }

    @Test
    void export_readsTheGivenDatabase_asOfTheGivenWeek() throws IOException {
        chat("a", true);
        chat("b", true);
        Result a = before("a", "export", "--out", dir.resolve("a.xlsx").toString(), "--csv");
        Result b = after("b", "export", "--out", dir.resolve("b.xlsx").toString(), "--csv");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        String csvA = Files.readString(dir.resolve("a.csv"));
        assertThat(csvA).contains("本周已对接企业2家").isEqualTo(Files.readString(dir.resolve("b.csv")));
    }

    @Test
    void chart_readsTheGivenDatabase() throws IOException {
        chat("a", true);
        chat("b", true);
        Result a = before("a", "chart", "--out", dir.resolve("a.png").toString());
        Result b = after("b", "chart", "--out", dir.resolve("b.png").toString());
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("a.png"))).isEqualTo(Files.readAllBytes(dir.resolve("b.png")));
        Result empty = before("c", "chart", "--out", dir.resolve("c.png").toString());
        assertThat(Files.readAllBytes(dir.resolve("c.png"))).as(empty.err())
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a.png")));
    }

    @Test
    void planList_andConfigCheck_readTheGivenConfigFolder() throws IOException {
        Path plan = config.resolve("plans/2023.yaml");
        Files.writeString(plan, Files.readString(plan).replaceFirst("title: \"?", "title: 演练"));
        Result a = before("a", "plan", "list");
        Result b = after("b", "plan", "list");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("演练").isEqualTo(b.out());
        Result checkA = before("a", "config", "check");
        Result checkB = after("b", "config", "check");
        assertThat(checkA.out()).contains(config.toString()).isEqualTo(checkB.out());
        assertThat(checkA.code()).isEqualTo(checkB.code());
    }

    @Test
    void status_andServe_answerTheSameWhereverTheOptionsStand() {
        assertThat(sameShape(before("a", "status"), "a")).isEqualTo(sameShape(after("a", "status"), "a"));
        // without WeCom settings serve stops before it opens anything, the same way in both positions
        Result a = before("a", "serve");
        Result b = after("a", "serve");
        assertThat(a.code()).isEqualTo(2);
        assertThat(sameShape(a, "a")).isEqualTo(sameShape(b, "a"));
    }
}
