package io.duban.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.config.ConfigException;
import io.duban.config.YamlNode;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSettingsReaderTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static ScheduleSettings read(String yaml) {
        YamlNode root = YamlNode.parse("duban.yml", new StringReader(yaml), n -> null);
        return ScheduleSettingsReader.read(root.require("schedule"), SHANGHAI);
    }

    @Test
    void withoutASection_theDefaultsOfTheIssueHold() {
        ScheduleSettings s = ScheduleSettingsReader.read(null, SHANGHAI);
        assertThat(s.job("weekly-prompt").weekday()).contains(DayOfWeek.THURSDAY);
        assertThat(s.job("weekly-prompt").time()).isEqualTo(LocalTime.of(15, 0));
        assertThat(s.job("private-nudge").time()).isEqualTo(LocalTime.of(10, 0));
        assertThat(s.job("group-reminder").time()).isEqualTo(LocalTime.of(14, 0));
        assertThat(s.job("weekly-summary").weekday()).contains(DayOfWeek.MONDAY);
        assertThat(s.job("monthly-report").dayOfMonth()).isEqualTo(25);
        assertThat(s.deadlineDays()).containsExactly(30, 14, 7);
        assertThat(s.holidayNames()).containsExactly("元旦", "春节", "中秋", "国庆");
        assertThat(s.holidayWorkingDays()).isEqualTo(5);
        assertThat(s.grace()).isEqualTo(Duration.ofHours(6));
        assertThat(s.quietHours().contains(LocalTime.of(20, 0))).isTrue();
        assertThat(s.quietHours().contains(LocalTime.of(7, 59))).isTrue();
        assertThat(s.quietHours().contains(LocalTime.of(8, 0))).isFalse();
        assertThat(s.job("weekly-prompt").onNonWorkingDay()).isEqualTo(ShiftPolicy.PREVIOUS);
    }

    @Test
    void everyKeyCanBeChanged() {
        ScheduleSettings s = read("""
                schedule:
                  quietHours: "21:00-07:30"
                  graceHours: 3
                  onNonWorkingDay: next
                  replyBy: "周五 12:00"
                  jobs:
                    weekly-prompt: {at: "周三 16:30"}
                    weekly-summary: {at: "MON 10:00", onNonWorkingDay: skip}
                    monthly-report: {day: 20, at: "9:00"}
                    deadline-warning: {daysBefore: [10, 3]}
                    holiday-reminder: {workingDaysBefore: 3, holidays: [春节, 国庆], task: 15}
                    group-reminder: {enabled: false}
                  kpiTask: 12
                """);
        assertThat(s.quietHours()).isEqualTo(new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 30)));
        assertThat(s.grace()).isEqualTo(Duration.ofHours(3));
        assertThat(s.replyDay()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(s.replyTime()).isEqualTo(LocalTime.NOON);
        assertThat(s.job("weekly-prompt").weekday()).contains(DayOfWeek.WEDNESDAY);
        assertThat(s.job("weekly-prompt").onNonWorkingDay()).isEqualTo(ShiftPolicy.NEXT);
        assertThat(s.job("weekly-summary").onNonWorkingDay()).isEqualTo(ShiftPolicy.SKIP);
        assertThat(s.job("monthly-report").dayOfMonth()).isEqualTo(20);
        assertThat(s.job("monthly-report").time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.deadlineDays()).containsExactly(10, 3);
        assertThat(s.holidayNames()).isEqualTo(List.of("春节", "国庆"));
        assertThat(s.holidayTask()).isEqualTo(15);
        assertThat(s.holidayWorkingDays()).isEqualTo(3);
        assertThat(s.job("group-reminder").enabled()).isFalse();
        assertThat(s.kpiTask()).isEqualTo(12);
    }

    @Test
    void mistakes_nameFileLineAndKey() {
        assertThatThrownBy(() -> read("""
                schedule:
                  jobs:
                    weekly-prompt: {at: "Thursday 15:00"}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("duban.yml:3")
                .hasMessageContaining("schedule.jobs.weekly-prompt.at").hasMessageContaining("THU 15:00");
        assertThatThrownBy(() -> read("""
                schedule:
                  jobs:
                    weekly-prompt: {at: "THU 21:00"}
                """)).hasMessageContaining("falls in the quiet hours 20:00–08:00");
        assertThatThrownBy(() -> read("""
                schedule:
                  onNonWorkingDay: later
                """)).hasMessageContaining("expected previous, next or skip");
        assertThatThrownBy(() -> read("""
                schedule:
                  jobs:
                    weekly-report: {at: "MON 09:00"}
                """)).hasMessageContaining("unknown key").hasMessageContaining("weekly-summary");
        assertThatThrownBy(() -> read("""
                schedule:
                  jobs:
                    monthly-report: {day: 31}
                """)).hasMessageContaining("between 1 and 28");
        assertThatThrownBy(() -> read("""
                schedule:
                  quietHours: "8pm"
                """)).hasMessageContaining("20:00-08:00");
    }
}
