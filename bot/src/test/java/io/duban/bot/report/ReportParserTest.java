package io.duban.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.ReportStatus;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportParserTest {
    private final ReportParser parser = new ReportParser();

    private ParsedReport ok(String text) {
        ParseResult r = parser.parse(text);
        assertThat(r).isInstanceOf(ParseResult.Ok.class);
        return ((ParseResult.Ok) r).report();
    }

    private String invalid(String text) {
        ParseResult r = parser.parse(text);
        assertThat(r).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) r).reason();
    }

    @Test
    void theIssueExample_givesEveryField() {
        ParsedReport r = ok("12 60% 本周已对接保山咖啡企业2家；问题：冷链成本高；下一步：组织产销对接会");
        assertThat(r.taskNumber()).isEqualTo(OptionalInt.of(12));
        assertThat(r.percent()).isEqualTo(OptionalInt.of(60));
        assertThat(r.status()).contains(ReportStatus.IN_PROGRESS);
        assertThat(r.progress()).isEqualTo("本周已对接保山咖啡企业2家");
        assertThat(r.problems()).isEqualTo("冷链成本高");
        assertThat(r.nextSteps()).isEqualTo("组织产销对接会");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "任务12 进度60% 推进中 已对接|12|60|IN_PROGRESS|已对接",
        "12 受阻 40% 企业暂停合作|12|40|BLOCKED|企业暂停合作",
        "12 已完成 全部验收|12|100|DONE|全部验收",
        "15 0% 未启动 计划下月开展|15|0|NOT_STARTED|计划下月开展",
        "12　60％　全角符号也可以|12|60|IN_PROGRESS|全角符号也可以",
        "60% 没写任务号|-1|60|IN_PROGRESS|没写任务号",
    })
    void variants(String text, int task, int percent, ReportStatus status, String progress) {
        ParsedReport r = ok(text);
        assertThat(r.taskNumber()).isEqualTo(task < 0 ? OptionalInt.empty() : OptionalInt.of(task));
        assertThat(r.percent()).isEqualTo(OptionalInt.of(percent));
        assertThat(r.status()).contains(status);
        assertThat(r.progress()).isEqualTo(progress);
    }

    @Test
    void task17_takesItsKpiNumbers_onSeparateLines() {
        ParsedReport r = ok("17 40% 组织第二批疗休养\n援滇人数：12\n疗休养总人数：80人\n困难：名额有限");
        assertThat(r.kpiNumerator()).isEqualTo(OptionalInt.of(12));
        assertThat(r.kpiDenominator()).isEqualTo(OptionalInt.of(80));
        assertThat(r.problems()).isEqualTo("名额有限");
    }

    @Test
    void fieldsAfterASpace_startTheirOwnField() {
        ParsedReport r = ok("17 40% 援滇人数：12 疗休养总人数：80 问题：名额有限");
        assertThat(r.kpiNumerator()).isEqualTo(OptionalInt.of(12));
        assertThat(r.kpiDenominator()).isEqualTo(OptionalInt.of(80));
        assertThat(r.problems()).isEqualTo("名额有限");
        assertThat(r.progress()).isEmpty();
    }

    @Test
    void badInput_isExplainedWithAnExample() {
        assertThat(invalid("12 150% 超额")).contains("0 到 100").contains("例如：12 60%");
        assertThat(invalid("12 -5% 倒退")).contains("-5%");
        assertThat(invalid("12 六成% 进行中")).contains("无法识别");
        assertThat(invalid("12 60.5% 小数")).contains("60.5%");
        assertThat(invalid("12")).contains("报送内容为空").contains("例如");
        assertThat(invalid("12 已完成 60%")).contains("不一致");
        assertThat(invalid("17 40% 援滇人数：十二")).contains("应为人数");
    }

    @Test
    void withoutPercentOrStatus_percentStaysEmpty_forTheServiceToDecide() {
        ParsedReport r = ok("12 本周走访企业");
        assertThat(r.percent()).isEmpty();
        assertThat(r.status()).isEqualTo(Optional.empty());
    }
}
