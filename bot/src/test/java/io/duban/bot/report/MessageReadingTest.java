package io.duban.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the corpus does not show line by line: texts kept per part, metrics, "no change", reasons. */
class MessageReadingTest {
    private final ReportParser parser = new ReportParser("督办助手");

    private MessageReading.Reports reports(String text) {
        return (MessageReading.Reports) parser.read(text);
    }

    @Test
    void twoTasksOnOneLine_neitherIsFoldedIntoTheOther() {
        List<ParsedReport> read = reports("12 60% 已对接企业；问题：冷链成本高；15 40% 上架产品；下一步：办展销会").read();
        assertThat(read).hasSize(2);
        assertThat(read.get(0).progress()).isEqualTo("已对接企业");
        assertThat(read.get(0).problems()).isEqualTo("冷链成本高");
        assertThat(read.get(0).nextSteps()).isEmpty();
        assertThat(read.get(1).progress()).isEqualTo("上架产品");
        assertThat(read.get(1).nextSteps()).isEqualTo("办展销会");
        assertThat(read.get(1).source()).isEqualTo("15 40% 上架产品；下一步：办展销会");
    }

    @Test
    void labelsAsOfficesWriteThem_fillProblemsAndNextSteps_evenAfterAFullStop() {
        ParsedReport r = reports("任务12：完成65%，本周组织产销对接会1场。存在问题：无。下周计划：继续对接").read().get(0);
        assertThat(r.problems()).isEmpty();
        assertThat(r.nextSteps()).isEqualTo("继续对接");
        ParsedReport s = reports("15 70% 已上架产品2款，存在的问题：物流慢，下阶段计划：拓展渠道").read().get(0);
        assertThat(s.problems()).isEqualTo("物流慢");
        assertThat(s.nextSteps()).isEqualTo("拓展渠道");
        assertThat(s.progress()).isEqualTo("已上架产品2款");
    }

    @Test
    void numberedLinesUnderNextSteps_stayInNextSteps() {
        ParsedReport r = reports("12 60%\n下一步：\n1、组织对接会\n2、召开座谈会").read().get(0);
        assertThat(r.nextSteps()).isEqualTo("1、组织对接会；2、召开座谈会");
        assertThat(r.progress()).isEmpty();
    }

    @Test
    void metricsAreOfferedAsCandidates_andTheTextIsKept() {
        ParsedReport r = reports("16 采购金额 12.5 万元").read().get(0);
        assertThat(r.metrics()).containsExactly(new ReportedMetric("采购金额", new BigDecimal("12.5"), "万元"));
        assertThat(r.metrics().get(0).isNamed("采购金额")).isTrue();
        assertThat(r.progress()).isEqualTo("采购金额 12.5 万元");
        assertThat(r.keepsPercent()).isTrue();
        ParsedReport training = reports("10 30% 培训 35 人次").read().get(0);
        assertThat(training.metrics()).extracting(ReportedMetric::name, ReportedMetric::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("培训", "人次"));
        assertThat(training.percent()).hasValue(30);
    }

    @Test
    void noChangeAlone_namesNoTask_andKeepsThePercent() {
        ParsedReport r = reports("无变化").read().get(0);
        assertThat(r.noChange()).isTrue();
        assertThat(r.taskNumber()).isEmpty();
        assertThat(r.keepsPercent()).isTrue();
    }

    @Test
    void severalPercents_theAnswerQuotesThemAndShowsACorrectExample() {
        ReportPart part = reports("12 对接企业完成40%，签约完成60%").parts().get(0);
        assertThat(part).isInstanceOf(ReportPart.Unreadable.class);
        assertThat(((ReportPart.Unreadable) part).reason())
                .contains("40%、60%").contains("暂未记录").contains("例如：12 60% ");
    }

    @Test
    void aFullWidthPercent_isNeverCalledNotAnInteger() {
        ParsedReport r = reports("12 ６０％").read().get(0);
        assertThat(r.percent()).hasValue(60);
    }

    @Test
    void theUnreadablePartIsQuoted_theReadableOneIsKept() {
        MessageReading.Reports reading = reports("12 60% 已对接\n15 过半 上架产品");
        assertThat(reading.read()).hasSize(1);
        assertThat(reading.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo("15 过半 上架产品");
            assertThat(u.reason()).contains("过半").contains("例如：15 60% 上架产品");
        });
    }

    @Test
    void socialWords_areNotReports() {
        assertThat(parser.read("@督办助手 收到")).isInstanceOf(MessageReading.Social.class);
        assertThat(parser.read("收到 12 60%")).isInstanceOf(MessageReading.Reports.class);
        assertThat(parser.read("。。。")).isInstanceOf(MessageReading.Reports.class);
    }

    @Test
    void aCorrectionMustNameOneTask() {
        assertThat(parser.parse("12 60%\n15 40%")).isInstanceOf(ParseResult.Invalid.class);
        assertThat(parser.parse("12 70% 已对接企业3家")).isInstanceOf(ParseResult.Ok.class);
    }
}
