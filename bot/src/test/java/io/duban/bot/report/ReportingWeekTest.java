package io.duban.bot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportingWeekTest {
    @Test
    void weeksAreIsoWeeksInTheOfficeZone() {
        // 23:30 on Sunday 2023-10-15 in Shanghai (15:30 UTC) still belongs to W41.
        Instant sundayNight = Instant.parse("2023-10-15T15:30:00Z");
        assertThat(ReportingWeek.of(sundayNight, ZoneId.of("Asia/Shanghai")).toString()).isEqualTo("2023-W41");
        Instant mondayMorning = Instant.parse("2023-10-15T16:30:00Z"); // 00:30 Monday in Shanghai
        assertThat(ReportingWeek.of(mondayMorning, ZoneId.of("Asia/Shanghai")).toString()).isEqualTo("2023-W42");
        assertThat(ReportingWeek.of(mondayMorning, ZoneId.of("UTC")).toString()).isEqualTo("2023-W41");
    }

    @Test
    void parseAndSpan() {
        ReportingWeek w = ReportingWeek.parse("2023-W41");
        assertThat(w.monday()).isEqualTo(LocalDate.of(2023, 10, 9));
        assertThat(w.span()).isEqualTo("10月9日—10月15日");
        assertThat(ReportingWeek.of(LocalDate.of(2024, 12, 30)).toString()).isEqualTo("2025-W01");
        assertThat(w.previous().toString()).isEqualTo("2023-W40");
        assertThatThrownBy(() -> ReportingWeek.parse("2023-W54")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportingWeek.parse("W41")).isInstanceOf(IllegalArgumentException.class);
    }
}
