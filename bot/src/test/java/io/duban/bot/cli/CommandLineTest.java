package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user runs it, on a copy of the shipped configuration. */
class CommandLineTest {
    @TempDir
    Path dir;
    Path config;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void copyConfig() throws IOException {
        config = dir.resolve("config");
        Path source = Path.of("../config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = config.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("duban.yml")) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = DubanCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = Stream.concat(Stream.of(args), Stream.of("--config", config.toString(),
                "--db", "jdbc:sqlite:" + dir.resolve("duban.db"))).toArray(String[]::new);
        return cl.execute(all);
    }

    @Test
    void planListJson_givesEveryTaskWithItsUnitsAndDeadline() throws IOException {
        assertThat(run("plan", "list", "--json")).isZero();
        JsonNode tasks = new ObjectMapper().readTree(out.toString());
        assertThat(tasks).hasSize(19);
        JsonNode t12 = tasks.get(11);
        assertThat(t12.get("number").asInt()).isEqualTo(12);
        assertThat(t12.get("area").asText()).isEqualTo("助力乡村振兴方面");
        assertThat(t12.get("leadUnits").toString()).isEqualTo("[\"农管科\",\"集指科\"]");
        assertThat(t12.get("responsibleUnits")).hasSize(4);
        assertThat(t12.get("deadline").asText()).isEqualTo("2023-12-31");
        assertThat(tasks.get(16).get("kpi").get("targetPercent").asDouble()).isEqualTo(15.0);
        // who reports and how often
        assertThat(t12.get("shortTitle").asText()).isEqualTo("推动产业发展");
        assertThat(t12.get("owedBy").toString()).isEqualTo("[\"农管科\",\"集指科\"]");
        assertThat(t12.get("contributors").toString()).isEqualTo("[\"农技中心\",\"农安中心\",\"疫控中心\",\"农经站\"]");
        assertThat(t12.get("cadence").get("kind").asText()).isEqualTo("weekly");
        assertThat(t12.get("cadence").get("reason").asText()).isNotBlank();
        JsonNode t16 = tasks.get(15);
        assertThat(t16.get("cadence").get("kind").asText()).isEqualTo("before-holidays");
        assertThat(t16.get("owedBy").toString()).isEqualTo("[\"委工会\",\"机关工会\",\"事业单位工会\"]");
        assertThat(tasks.get(6).get("cadence").get("monthWeek").asInt()).isEqualTo(2);
    }

    @Test
    void planLoad_showsTheReportsAskedPerWeek_againstTheOld148() {
        assertThat(run("plan", "load", "--from", "2023-10-16", "--to", "2023-10-22")).isZero();
        assertThat(out.toString()).contains("每周 148 份", "2023-W42（10月16日—10月22日）  5 份  办公室 1、农管科 2、集指科 1、农发科 1",
                "最多一周 5 份；单个单位一周最多 2 项");
    }

    @Test
    void planCopy_startsNextYearsPlan_andRefusesToOverwrite() {
        assertThat(run("plan", "copy", "2023", "2024")).isZero();
        assertThat(Files.exists(config.resolve("plans/2024.yaml"))).isTrue();
        assertThat(run("plan", "list", "--year", "2024", "--json")).isZero();
        assertThat(out.toString()).contains("\"deadline\" : \"2024-12-31\"");
        assertThat(out.toString()).contains("\"shortTitle\" : \"推动产业发展\"", "\"kind\" : \"before-holidays\"");
        assertThat(run("plan", "copy", "2023", "2024")).isEqualTo(1);
        assertThat(err.toString()).contains("已存在");
    }

    @Test
    void planImport_ofTheSeedTable_intoANewYear() throws IOException {
        Path tsv = dir.resolve("table.tsv");
        Files.copy(Path.of("../config/src/test/resources/seed-table-2023.tsv"), tsv);
        assertThat(run("plan", "import", tsv.toString(), "--year", "2025", "--title", "2025年计划",
                "--start", "2025-03-01")).isZero();
        assertThat(out.toString()).contains("6 个工作要点、19 项任务");
        assertThat(run("plan", "import", tsv.toString(), "--year", "2023")).isEqualTo(1);
        assertThat(err.toString()).contains("--force");
    }

    @Test
    void anInvalidPlanFile_stopsTheBotWithFileLineAndField() throws IOException {
        Path plan = config.resolve("plans/2023.yaml");
        Files.writeString(plan, Files.readString(plan).replaceFirst("lead: \\[\"办公室\"\\]", "lead: [\"总务科\"]"));
        assertThat(run("chat", "--quiet")).isEqualTo(2);
        assertThat(err.toString()).contains("2023.yaml:", "areas[0].tasks[0].lead", "unknown unit or unit group '总务科'");
    }

    @Test
    void chat_readsOneMessageALine_andTheDataSurviveARestart() {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream("@督办助手 12 60% 已对接企业2家\n/as lizhiguo\n/group wr-demo-leaders\n任务 12\n"
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(run("chat", "--now", "2023-10-09T09:00+08:00")).isZero();
            System.setIn(new ByteArrayInputStream("任务 12\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("chat", "--as", "lizhiguo", "--group", "wr-demo-leaders", "--quiet",
                    "--now", "2023-10-10T09:00+08:00")).isZero();
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("督办助手 · 本地对话", "--now 固定", "已记录 农管科 对任务 12 的报送", "★农管科 60%");
        assertThat(text.split("★农管科 60%", -1)).hasSize(3); // once per session: stored, then read back after restart
    }

    @Test
    void aSecondDemoChat_onTheSameDatabase_stillSeesWhatTheFirstOneStored() {
        // no --now: today lies outside the 2023 plan, so both sessions run on the demo clock from 2023-10-09 09:00
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream("12 60% 已对接企业2家\n15 50% 上架产品\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("chat", "--quiet")).isZero();
            captured.reset();
            System.setIn(new ByteArrayInputStream("未报送\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("chat", "--as", "lizhiguo", "--group", "wr-demo-leaders")).isZero();
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("接着本数据库上次演示的时间继续");
        assertThat(text).doesNotContain("农管科（任务 12");
    }

    @Test
    void exportInTheLocalChat_savesTheWorkbook_andSaysWhereInOneLine() throws IOException {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream("导出\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("chat", "--as", "zhouhui", "--group", "wr-demo-bgs", "--quiet",
                    "--now", "2023-10-16T10:00+08:00")).isZero();
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("台账（19 项任务，截至 10月16日 10:00）随后发到本聊天：台账-2023-10-16.xlsx")
                .doesNotContain("暂时无法发送");
        java.util.regex.Matcher saved = java.util.regex.Pattern.compile("\\[文件\\] 台账-2023-10-16\\.xlsx（\\d+ KB）· 终端里无法显示，已存到 (\\S+)")
                .matcher(text);
        assertThat(saved.find()).as(text).isTrue();
        byte[] workbook = java.nio.file.Files.readAllBytes(Path.of(saved.group(1)));
        assertThat(workbook).startsWith((byte) 'P', (byte) 'K'); // an xlsx is a zip
    }
}
