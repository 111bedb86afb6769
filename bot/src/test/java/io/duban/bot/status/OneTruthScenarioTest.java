package io.duban.bot.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.export.LedgerExport;
import io.duban.bot.testing.TestBot;
import io.duban.storage.model.OutboundMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leaders' complaint, rebuilt: task 12 has two leads (农管科, 集指科); 农管科 reports 50% then 60%, 集指科's first
 * report (30%, blocked, with a problem) is returned by the office; a unit reports on Sunday evening and the digest
 * goes out on Monday morning. 进度, 任务 12, 问题, the digest, the 通报 and the 台账 must show the same figures, every
 * change compares a unit with itself, and the returned report counts nowhere (it is marked 已退回 where shown).
 */
class OneTruthScenarioTest {
    private static final String LEADERS = "wr-demo-leaders";
    private static final DataFormatter FORMAT = new DataFormatter();

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void rebuild() {
        bot = new TestBot(dir, "2023-10-03T10:00+08:00");                 // week 40
        bot.say("liuyang", "wr-demo-ngk", "12 50% 对接保山咖啡企业");
        bot.say("wangfang", "wr-demo-bgs", "2 40% 调研已安排");
        bot.clock.set("2023-10-10T10:00+08:00");                           // week 41
        bot.say("liuyang", "wr-demo-ngk", "12 60% 协助昭通建设蔬菜基地");
        bot.say("sunjie", "wr-demo-jzk", "12 30% 受阻 物流未落实；问题：资金未到位");
        bot.clock.set("2023-10-11T15:00+08:00");
        assertThat(bot.say("zhouhui", "退回 12 集指科 请补充资金到位情况")).startsWith("已退回");
        bot.clock.set("2023-10-15T20:00+08:00");                           // Sunday evening
        bot.say("wangfang", "wr-demo-bgs", "2 45% 调研报告起草中");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private TaskStatus task(int n) {
        var plan = bot.app.config().currentPlan();
        return bot.app.board().task(plan, plan.task(n).orElseThrow());
    }

    private AcceptedReports accepted() {
        return bot.app.board().accepted(bot.app.config().currentPlan());
    }

    private String digest() {
        List<OutboundMessage> m = bot.app.rhythm().preview("weekly-summary",
                OffsetDateTime.parse("2023-10-16T09:00+08:00").toInstant()).orElseThrow().messages();
        return m.get(0).content();
    }

    /** {@code [red, yellow, green]} from 进度's {@code 🔴1 🟡2 🟢16} or the digest's {@code 红 1 · 黄 2 · 绿 16}. */
    private static List<Integer> counts(String text) {
        Matcher m = Pattern.compile("(?:🔴|红 )(\\d+)\\D{0,60}?(?:🟡|黄 )(\\d+)\\D{0,60}?(?:🟢|绿 )(\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Test
    void mondayMorning_everyViewShowsTheSameFigures_andTheReturnedReportNowhere() {
        bot.clock.set("2023-10-16T09:00+08:00");
        TaskStatus s = task(12);
        assertThat(s.percent()).isEqualTo(60);
        assertThat(Figures.withChange(s, accepted())).isEqualTo("农管科 60%（+10）｜集指科 已退回");
        // the returned report counts as not reported: 集指科 owes the weekly task 12 and has no accepted report
        assertThat(s.colour()).isEqualTo(Colour.YELLOW);
        assertThat(s.reason()).startsWith("集指科已连续 ");

        String overview = bot.say("lizhiguo", LEADERS, "进度");
        String task = bot.say("lizhiguo", LEADERS, "任务 12");
        String problems = bot.say("lizhiguo", LEADERS, "问题");
        String digest = digest();

        assertThat(task).contains("进度：农管科 60%（+10）｜集指科 已退回", "★集指科 已退回（30%，10月10日），待重报");
        assertThat(problems).doesNotContain("资金未到位").contains("已退回待重报：任务 12 集指科");
        assertThat(digest).doesNotContain("资金未到位", "（-", "30%");
        assertThat(counts(digest)).isEqualTo(counts(overview));
        // the task reported on Sunday evening is not stale on Monday morning, and Sunday and Monday agree
        assertThat(task(2).missedWeeks()).isZero();
        int mondayMissed = task(12).missedWeeks();
        bot.clock.set("2023-10-15T20:30+08:00");
        assertThat(task(2).colour()).isEqualTo(Colour.GREEN);
        // 农管科 reported in week 41 and is not stale; 集指科 missed week 41 too, which ended between the two
        assertThat(task(12).reason()).doesNotContain("农管科");
        assertThat(mondayMissed).isEqualTo(task(12).missedWeeks() + 1);
    }

    @Test
    void afterTheResubmission_bothLeadsShowTheirOwnFigure_theColourFollowsTheWorse_andEveryViewAgrees()
            throws Exception {
        bot.clock.set("2023-10-17T10:00+08:00");
        bot.say("sunjie", "wr-demo-jzk", "12 30% 资金已落实一半；问题：冷链物流成本高");
        TaskStatus s = task(12);
        assertThat(Figures.headline(s)).isEqualTo("农管科 60%｜集指科 30%");
        assertThat(s.percent()).isEqualTo(30);
        assertThat(s.colour()).isEqualTo(Colour.YELLOW);
        assertThat(s.reason()).isEqualTo("集指科进度 30%，落后于应有进度 52%");
        // 农管科 compared with itself a week earlier; 集指科's returned report is not its baseline
        assertThat(Figures.withChange(s, accepted())).isEqualTo("农管科 60%（+10）｜集指科 30%（新报）");

        String line = "🟡 12 ";
        String overview = bot.say("lizhiguo", LEADERS, "进度");
        String task = bot.say("lizhiguo", LEADERS, "任务 12");
        String problems = bot.say("lizhiguo", LEADERS, "问题");
        assertThat(lineOf(overview, line)).contains("农管科 60%｜集指科 30%", "集指科进度 30%");
        assertThat(task).contains("🟡 黄灯：集指科进度 30%，落后于应有进度 52%", "农管科 60%（+10）｜集指科 30%（新报）");
        assertThat(problems).contains("任务12 集指科 10月17日：冷链物流成本高").doesNotContain("资金未到位", "已退回待重报");

        bot.clock.set("2023-10-25T09:00+08:00");
        List<OutboundMessage> monthly = bot.app.rhythm().preview("monthly-report",
                OffsetDateTime.parse("2023-10-25T09:00+08:00").toInstant()).orElseThrow().messages();
        String report = String.join("\n", monthly.stream().filter(m -> m.address().value().equals(LEADERS))
                .map(OutboundMessage::content).toList());
        String overviewThen = bot.say("lizhiguo", LEADERS, "进度");
        assertThat(counts(report)).isEqualTo(counts(overviewThen));
        assertThat(lineOf(report, line)).isEqualTo(lineOf(overviewThen, line));
        String chart = new io.duban.bot.chart.WeeklyPicture(bot.app.config(), bot.app.storage(), bot.app.dutyRules())
                .data(bot.app.config().currentPlan(), bot.clock.instant()).subtitle();
        assertThat(counts(chart)).isEqualTo(counts(overviewThen));

        byte[] xlsx = new LedgerExport(bot.app.config(), bot.app.storage(), bot.app.dutyRules()).xlsx(bot.app.config().currentPlan(),
                bot.clock.instant());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet main = wb.getSheet("台账");
            List<String> header = cells(main.getRow(0));
            List<String> row12 = rowOf(main, "12");
            assertThat(row12.get(header.indexOf("进度(%)"))).isEqualTo("30");
            assertThat(row12.get(header.indexOf("状态"))).isEqualTo("黄");
            assertThat(row12.get(header.indexOf("状态说明"))).isEqualTo(task(12).reason());
            assertThat(main.getLastRowNum()).isEqualTo(19);
        }
    }

    @Test
    void whenALeadsNewReportIsReturned_itsEarlierAcceptedReportStands_andTheReturnIsMarked() {
        bot.clock.set("2023-10-16T09:30+08:00");
        assertThat(bot.say("zhouhui", "退回 12 农管科 请补充基地建设进度")).startsWith("已退回");
        TaskStatus s = task(12);
        assertThat(s.percent()).isEqualTo(50);
        assertThat(Figures.headline(s)).isEqualTo("农管科 50%（新报已退回）｜集指科 已退回");
        assertThat(bot.say("lizhiguo", LEADERS, "任务 12")).contains("★农管科 50%", "新报送已退回，待重报");
        assertThat(bot.say("lizhiguo", LEADERS, "问题")).contains("已退回待重报：任务 12 农管科、任务 12 集指科");
        bot.clock.set("2023-10-17T10:00+08:00");
        bot.say("liuyang", "wr-demo-ngk", "12 62% 基地建设过半");
        // compared with 农管科's own accepted figure at the start of last week (50%), not with the returned 60%
        assertThat(Figures.withChange(task(12), accepted())).startsWith("农管科 62%（+12）｜");
    }

    private static String lineOf(String text, String prefix) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + text));
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            out.add(row.getCell(i) == null ? "" : FORMAT.formatCellValue(row.getCell(i)));
        }
        return out;
    }

    private static List<String> rowOf(XSSFSheet sheet, String number) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            List<String> c = cells(sheet.getRow(r));
            if (c.get(0).equals(number)) {
                return c;
            }
        }
        throw new AssertionError("no row " + number);
    }
}
