package io.duban.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Weeks as the office names them when it asks for a 台账, read on Monday 9 October 2023 (week 41). */
class WeekWordsTest {
    private static final LocalDate TODAY = LocalDate.of(2023, 10, 9);

    @ParameterizedTest
    @CsvSource({
            "2023-W40, 2023-W40",
            "2023-w40, 2023-W40",
            "本周, 2023-W41",
            "上周, 2023-W40",
            "第40周, 2023-W40",
            "40周, 2023-W40",
            "第 40 周, 2023-W40",
            "第四十周, 2023-W40",
            "2023-10-06, 2023-W40",
            "2023年10月6日, 2023-W40",
            "10月6日, 2023-W40",
            "10月6号, 2023-W40",
            "10-06, 2023-W40",
            "2024-01-01, 2024-W01",
    })
    void aWeekInTheOfficesWords_isThatWeek(String words, String week) {
        assertThat(WeekWords.read(words, TODAY)).map(ReportingWeek::toString).contains(week);
    }

    @ParameterizedTest
    @ValueSource(strings = {"第54周", "第0周", "2月30日", "13月1日", "下周三", "去年", "W40", ""})
    void anythingElse_isNoWeek(String words) {
        assertThat(WeekWords.read(words, TODAY)).isEmpty();
    }
}
