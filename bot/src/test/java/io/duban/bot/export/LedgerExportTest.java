package io.duban.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.report.ReportingWeek;
import io.duban.bot.testing.TestBot;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.OutboundMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 台账 written to a file and read back with POI. */
class LedgerExportTest {
    private static final DataFormatter FORMAT = new DataFormatter();

    @TempDir
    Path dir;
    TestBot bot;
    WorkPlan plan;

    @BeforeEach
    void start() {
        // Week 40 of 2023: Oct 2–8. The reports below are made in week 41 (Oct 9–15) and later.
        bot = new TestBot(dir, "2023-10-05T10:00+08:00");
        plan = bot.app().config().currentPlan();
        bot.say("liuyang", "15 40% 已对接企业3家；问题：冷链成本高；下一步：洽谈物流");
        bot.say("zhengli", "15 30% 完成展销筹备");
        bot.say("sunjie", "12 受阻 20% 资金未到位；问题：资金=未到位");
        bot.say("hanmei", "16 100% 福利采购已完成");
        bot.clock().set(java.time.OffsetDateTime.parse("2023-10-10T09:00+08:00").toInstant());
        bot.say("liuyang", "更正 15 45% 已对接企业4家");
        bot.say("sunjie", "撤回 12");
        bot.say("zhouhui", "核查 15 农技中心 通过");
        bot.say("zhouhui", "退回 15 农管科 请补充采购金额");
        bot.say("hanmei", "申请办结 16 全部采购完成，附采购清单");
        bot.say("zhouhui", "销号 16");
        bot.advance(Duration.ofDays(1));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private static List<String> rowOfTask(XSSFSheet sheet, int task) {
        return java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(i -> row(sheet.getRow(i)))
                .filter(r -> r.get(0).equals(String.valueOf(task))).findFirst().orElseThrow();
    }

    @Test
    void workbookHasTheLedgerWithEveryTask_theHistory_andASheetPerUnit() throws Exception {
        Path out = dir.resolve("台账.xlsx");
        List<Path> written = new LedgerExport(bot.app().config(), bot.app().storage(), bot.app().dutyRules())
                .write(plan, bot.clock().instant(), out, true);
        assertThat(written).containsExactly(out.toAbsolutePath(), dir.resolve("台账.csv").toAbsolutePath(),
                dir.resolve("台账-报送历史.csv").toAbsolutePath());

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).startsWith("台账", "报送历史").contains("办公室", "农管科", "农技中心", "援外干部")
                    .hasSize(2 + bot.app().config().organization().units().size());

            XSSFSheet ledger = wb.getSheet("台账");
            assertThat(row(ledger.getRow(0))).startsWith("序号", "工作要点", "具体任务", "牵头单位", "责任单位", "状态",
                    "进度(%)").contains("最新进展", "存在问题", "下一步计划", "报送日期", "报送人", "核查状态", "销号");
            assertThat(ledger.getLastRowNum()).isEqualTo(19);
            assertThat(ledger.getPaneInformation().isFreezePane()).isTrue();
            assertThat(ledger.getColumnWidth(2)).isGreaterThan(ledger.getColumnWidth(0) * 5);

            Map<Integer, List<String>> byTask = new HashMap<>();
            for (int r = 1; r <= 19; r++) {
                List<String> cells = row(ledger.getRow(r));
                byTask.put(Integer.parseInt(cells.get(0)), cells);
            }
            assertThat(byTask.keySet()).hasSize(19);
            List<String> header = row(ledger.getRow(0));
            List<String> t15 = byTask.get(15);
            assertThat(t15.get(2)).startsWith("结合农民丰收节");
            assertThat(t15.get(3)).isEqualTo("农管科");
            // the lead's 45% was returned: it does not count, the accepted 30% of 农技中心 stands, the return is marked
            assertThat(t15.get(header.indexOf("进度(%)"))).isEqualTo("30");
            assertThat(t15.get(header.indexOf("最新进展"))).isEqualTo("完成展销筹备");
            assertThat(t15.get(header.indexOf("报送人"))).isEqualTo("郑丽（农技中心）");
            assertThat(t15.get(header.indexOf("核查状态"))).startsWith("已通过")
                    .endsWith("；农管科已退回：请补充采购金额（待重报）");
            assertThat(byTask.get(16).get(header.indexOf("状态"))).isEqualTo("绿");
            assertThat(byTask.get(16).get(header.indexOf("销号"))).startsWith("已销号");
            // task 12's only report was withdrawn: no progress counts
            assertThat(byTask.get(12).get(header.indexOf("最新进展"))).isEmpty();

            // every status cell is filled with its traffic light
            int status = header.indexOf("状态");
            for (int r = 1; r <= 19; r++) {
                Cell cell = ledger.getRow(r).getCell(status);
                String fill = rgb((XSSFCellStyle) cell.getCellStyle());
                String expected = switch (cell.getStringCellValue()) {
                    case "红" -> "FFC7CE";
                    case "黄" -> "FFEB9C";
                    case "绿" -> "C6EFCE";
                    default -> throw new AssertionError("unexpected colour " + cell.getStringCellValue());
                };
                assertThat(fill).isEqualTo(expected);
            }
            assertThat(Stream.of("红", "黄", "绿").filter(c -> byTask.values().stream()
                    .anyMatch(r -> r.get(status).equals(c))).count()).isGreaterThanOrEqualTo(2);

            XSSFSheet history = wb.getSheet("报送历史");
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= history.getLastRowNum(); r++) {
                rows.add(row(history.getRow(r)));
            }
            assertThat(rows).hasSize(6);
            assertThat(rows).extracting(r -> r.get(3)).containsExactly("报送", "报送", "报送", "报送", "更正", "撤回");
            assertThat(rows).extracting(r -> r.get(5)).containsExactly("已被替代", "有效", "已被替代", "有效", "有效", "已被替代");

            XSSFSheet unit = wb.getSheet("农技中心");
            assertThat(row(unit.getRow(0))).startsWith("序号", "具体任务", "角色");
            assertThat(unit.getLastRowNum()).isEqualTo((int) plan.tasks().stream()
                    .filter(t -> bot.app().config().organization().isAssigned(t, "农技中心")).count());
            // task 5 (无需报送) is owed by nobody: its 报送日期 reads as on the chat cards, not as a missing report
            XSSFSheet office = wb.getSheet("办公室");
            List<String> task5 = java.util.stream.IntStream.rangeClosed(1, office.getLastRowNum())
                    .mapToObj(i -> row(office.getRow(i))).filter(r -> r.get(0).equals("5")).findFirst().orElseThrow();
            assertThat(task5.get(8)).isEqualTo("暂无报送");
            // task 1 (monthly): the office leads and owes it; 农技中心 may contribute but is never asked
            assertThat(rowOfTask(office, 1).get(8)).isEqualTo("尚未报送");
            assertThat(rowOfTask(unit, 1).get(8)).isEqualTo("暂无报送");
        }

        byte[] csv = Files.readAllBytes(dir.resolve("台账.csv"));
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        assertThat(csv[1] & 0xff).isEqualTo(0xBB);
        assertThat(csv[2] & 0xff).isEqualTo(0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isGreaterThanOrEqualTo(20);
        assertThat(text).contains("序号,工作要点,具体任务", "完成展销筹备").doesNotContain("已对接企业4家");
    }

    @Test
    void weekMeansAsOfTheEndOfThatWeek() throws Exception {
        Path out = dir.resolve("w40.xlsx");
        new LedgerExport(bot.app().config(), bot.app().storage(), bot.app().dutyRules())
                .write(plan, LedgerExport.endOf(ReportingWeek.parse("2023-W40"), TestBot.ZONE), out, false);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet ledger = wb.getSheet("台账");
            List<String> header = row(ledger.getRow(0));
            Map<Integer, List<String>> byTask = new HashMap<>();
            for (int r = 1; r <= ledger.getLastRowNum(); r++) {
                byTask.put(Integer.parseInt(row(ledger.getRow(r)).get(0)), row(ledger.getRow(r)));
            }
            assertThat(byTask).hasSize(19);
            // before the correction, the withdrawal, the review and the closure of week 41
            assertThat(byTask.get(15).get(header.indexOf("进度(%)"))).isEqualTo("40");
            assertThat(byTask.get(15).get(header.indexOf("核查状态"))).isEqualTo("待核查");
            assertThat(byTask.get(12).get(header.indexOf("状态"))).isEqualTo("红");
            assertThat(byTask.get(16).get(header.indexOf("销号"))).isEmpty();
            assertThat(wb.getSheet("报送历史").getLastRowNum()).isEqualTo(4);
        }
    }

    @Test
    void adminExportsFromChat_othersMayNot_andWithoutAChatDoorTheAnswerNamesTheSetting() throws Exception {
        // the test bot has no WeCom settings: no door can carry the file, and no path on the server is offered
        String reply = bot.say("zhouhui", "导出");
        assertThat(reply).startsWith("台账暂时无法发送：").contains("WECOM_AGENT_ID", "WECOM_BOT_ID")
                .doesNotContain("data/", ".xlsx", "./duban export");
        assertThat(Files.exists(dir.resolve("data").resolve("exports"))).isFalse();
        assertThat(bot.outbox()).noneMatch(e -> e.message().format() == OutboundMessage.Format.FILE);
        assertThat(bot.say("zhouhui", "导出 下下周")).contains("没有看懂周次", "导出 上周", "导出 2023-W40");
        assertThat(bot.say("zhouhui", "导出 第40周")).startsWith("台账暂时无法发送：");
        assertThat(bot.say("lizhiguo", "导出")).contains("仅限管理员");
    }

    private static List<String> row(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? "" : FORMAT.formatCellValue(cell));
        }
        return out;
    }

    private static String rgb(XSSFCellStyle style) {
        byte[] rgb = style.getFillForegroundXSSFColor().getRGB();
        return String.format("%02X%02X%02X", rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff);
    }
}
