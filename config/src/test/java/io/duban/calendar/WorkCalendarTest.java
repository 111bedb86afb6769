package io.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.config.ConfigException;
import io.duban.config.YamlNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkCalendarTest {
    /** The shipped data under config/calendar/ (tests run in the module folder). */
    static final WorkCalendar CN = CalendarFiles.load(Path.of("..", "config"), null, n -> null);

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void givenShippedData_ordinaryDays_followTheWeek() {
        assertThat(CN.isWorkingDay(d("2023-10-12"))).isTrue();   // Thursday
        assertThat(CN.isWorkingDay(d("2023-10-14"))).isFalse();  // Saturday
        assertThat(CN.isWorkingDay(d("2023-10-15"))).isFalse();  // Sunday
    }

    @Test
    void givenGuoqing2023_holidaysAreOff_andTheTiaoxiuWeekendIsWorking() {
        for (LocalDate x = d("2023-09-29"); !x.isAfter(d("2023-10-06")); x = x.plusDays(1)) {
            assertThat(CN.isWorkingDay(x)).as(x.toString()).isFalse();
        }
        assertThat(CN.isWorkingDay(d("2023-10-07"))).isTrue();   // Saturday 调休
        assertThat(CN.isWorkingDay(d("2023-10-08"))).isTrue();   // Sunday 调休
        assertThat(CN.previousWorkingDay(d("2023-10-07"))).isEqualTo(d("2023-09-28"));
        assertThat(CN.nextWorkingDay(d("2023-09-28"))).isEqualTo(d("2023-10-07"));
        assertThat(CN.workingDaysOfWeek(d("2023-10-02"))).containsExactly(d("2023-10-07"), d("2023-10-08"));
    }

    @Test
    void givenSpringFestival2023_theWeekWorksOnlyOnItsWeekend() {
        assertThat(CN.workingDaysOfWeek(d("2023-01-25"))).containsExactly(d("2023-01-28"), d("2023-01-29"));
        assertThat(CN.holidayOn(d("2023-01-24")).orElseThrow().names()).containsExactly("春节");
    }

    @Test
    void givenSpringFestival2024_oneWeekHasOnlyItsSunday() {
        assertThat(CN.workingDaysOfWeek(d("2024-02-05")))
                .containsExactly(d("2024-02-04").plusDays(1), d("2024-02-06"), d("2024-02-07"), d("2024-02-08"),
                        d("2024-02-09"));
        assertThat(CN.workingDaysOfWeek(d("2024-02-14"))).containsExactly(d("2024-02-18"));
        assertThat(CN.isWorkingDay(d("2024-02-04"))).isTrue();   // Sunday before, 调休
    }

    @Test
    void givenHolidayNames_nextStartsAreFoundWithOrWithoutJie() {
        assertThat(CN.nextHolidayStart("中秋", d("2023-07-28"))).contains(d("2023-09-29"));
        assertThat(CN.nextHolidayStart("国庆节", d("2023-07-28"))).contains(d("2023-09-29"));
        assertThat(CN.nextHolidayStart("元旦", d("2023-07-28"))).contains(d("2024-01-01"));
        assertThat(CN.nextHolidayStart("春节", d("2023-07-28"))).contains(d("2024-02-10"));
        assertThat(CN.nextHolidayStart("中秋", d("2024-01-01"))).contains(d("2024-09-15"));
        assertThat(CN.nextHolidayStart("国庆", d("2026-01-01"))).contains(d("2026-10-01"));
    }

    @Test
    void workingDaysBefore_countsOnlyWorkingDays() {
        // 5 working days before 2023-09-29 (Fri): 9-22 Fri, 9-25..9-28 Mon..Thu
        assertThat(CN.workingDaysBefore(d("2023-09-29"), 5)).isEqualTo(d("2023-09-22"));
        // before 元旦 2024 (Mon 1-1): 12-25 Mon
        assertThat(CN.workingDaysBefore(d("2024-01-01"), 5)).isEqualTo(d("2023-12-25"));
    }

    @Test
    void givenAdminFile_itExtendsTheShippedData(@TempDir Path dir) throws Exception {
        Path cal = Files.createDirectories(dir.resolve("calendar"));
        Files.writeString(cal.resolve("cn-holidays-2027.yaml"), """
                years:
                  2027:
                    holidays:
                      - {name: 春节, first: 2027-02-05, last: 2027-02-11}
                    work: [2027-02-13]
                """);
        YamlNode section = YamlNode.parse("duban.yml", new StringReader("""
                years:
                  2027:
                    off: [2027-03-08]
                """), n -> null);
        WorkCalendar c = CalendarFiles.load(dir, section, n -> null);
        assertThat(c.isWorkingDay(d("2027-02-08"))).isFalse();
        assertThat(c.isWorkingDay(d("2027-02-13"))).isTrue();
        assertThat(c.isWorkingDay(d("2027-03-08"))).isFalse();
        assertThat(c.nextHolidayStart("春节", d("2027-01-01"))).contains(d("2027-02-05"));
        assertThat(c.coveredUntil()).contains(d("2027-12-31"));
        assertThat(CN.coveredUntil()).contains(d("2026-12-31"));
    }

    @Test
    void givenWorkdayOnAWeekday_theErrorNamesFileAndLine() {
        assertThatThrownBy(() -> read("""
                years:
                  2027:
                    work: [2027-02-10]
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cal.yaml:3").hasMessageContaining("Saturdays or Sundays");
    }

    @Test
    void givenDayBothOffAndWorking_theErrorSaysSo() {
        assertThatThrownBy(() -> read("""
                years:
                  2027:
                    holidays:
                      - {name: 国庆, first: 2027-10-01, last: 2027-10-07}
                    work: [2027-10-02]
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("working day and as a day off");
    }

    @Test
    void givenBadDatesOrKeys_theErrorsAreClear() {
        assertThatThrownBy(() -> read("""
                years:
                  2027:
                    holidays:
                      - {name: 国庆, first: 2027-10-07, last: 2027-10-01}
                """)).hasMessageContaining("cal.yaml:4").hasMessageContaining("before the first day");
        assertThatThrownBy(() -> read("""
                years:
                  2027:
                    holidays:
                      - {name: 国庆, first: 2027-13-01}
                """)).hasMessageContaining("expected a date");
        assertThatThrownBy(() -> read("""
                years:
                  2027:
                    workdays: [2027-10-09]
                """)).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> read("""
                years:
                  twenty:
                    work: []
                """)).hasMessageContaining("expected a year");
    }

    private static WorkCalendar read(String yaml) {
        return CalendarFiles.read(YamlNode.parse("cal.yaml", new StringReader(yaml), n -> null));
    }
}
