package io.duban.bot.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.plan.Cadence;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What admins write after 设置, read whole or refused whole. */
class ReportingSettingTest {
    private static ReportingSetting ok(String args) {
        ReportingSetting.Result r = ReportingSetting.parse(args);
        assertThat(r).as(args).isInstanceOf(ReportingSetting.Result.Ok.class);
        return ((ReportingSetting.Result.Ok) r).setting();
    }

    private static String refused(String args) {
        ReportingSetting.Result r = ReportingSetting.parse(args);
        assertThat(r).as(args).isInstanceOf(ReportingSetting.Result.Invalid.class);
        return ((ReportingSetting.Result.Invalid) r).reason();
    }

    @Test
    void cadenceWords_inChineseOrAsInThePlanFile() {
        assertThat(ok("12 每两周")).isEqualTo(new ReportingSetting(12, Optional.of(Cadence.Kind.BIWEEKLY),
                OptionalInt.empty(), List.of(), Optional.empty()));
        assertThat(ok("任务 3 完成时报一次").kind()).contains(Cadence.Kind.ONCE);
        assertThat(ok("5 无需报送").kind()).contains(Cadence.Kind.NONE);
        assertThat(ok("12 biweekly").kind()).contains(Cadence.Kind.BIWEEKLY);
        assertThat(ok("7 每月 第2周").monthWeek()).hasValue(2);
        assertThat(ok("7 每月 第三个报送周").monthWeek()).hasValue(3);
        assertThat(ok("16 节前 春节、国庆节").holidays()).containsExactly("春节", "国庆");
    }

    @Test
    void whoReports_canBeChangedAloneOrWithTheCadence() {
        assertThat(ok("8 责任单位也报").responsibleOwe()).contains(true);
        assertThat(ok("8 仅牵头单位").responsibleOwe()).contains(false);
        ReportingSetting both = ok("17 每月 责任单位也报送");
        assertThat(both.kind()).contains(Cadence.Kind.MONTHLY);
        assertThat(both.responsibleOwe()).contains(true);
    }

    @Test
    void anythingUnknownOrIncomplete_isRefusedWithAnExample() {
        assertThat(refused("12 每天")).contains("没有看懂“每天”", "设置 12 每两周");
        assertThat(refused("每两周")).contains("请写明任务编号");
        assertThat(refused("12")).contains("请写明新的报送频率");
        assertThat(refused("7 每周 第2周")).contains("只用于每月报送");
        assertThat(refused("16 每周 春节")).contains("只用于节前报送");
    }
}
