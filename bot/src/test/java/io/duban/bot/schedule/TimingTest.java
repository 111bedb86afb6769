package io.duban.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import io.duban.calendar.CalendarFiles;
import io.duban.calendar.Holiday;
import io.duban.calendar.WorkCalendar;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When each job runs, on China's working calendar. */
class TimingTest {
    static final WorkCalendar CN = CalendarFiles.load(Path.of("../config"), null, n -> null);
    static final DayShifter SHIFT = new DayShifter(CN);
    static final LocalTime T15 = LocalTime.of(15, 0);

    @TempDir
    Path dir;
    TestBot bot;
    RhythmService rhythm;

    @BeforeEach
    void start() {
        bot = new TestBot(dir, "2023-10-09T09:00+08:00");
        rhythm = bot.app.rhythm();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static Instant t(String s) {
        return OffsetDateTime.parse(s).toInstant();
    }

    List<String> runs(String job, String from, String to) {
        return rhythm.job(job).runsBetween(t(from), t(to)).stream()
                .map(r -> r.period() + "@" + Texts.console(r.at())).toList();
    }

    @Test
    void givenAnOrdinaryWeek_theDefaultsHold() {
        assertThat(runs("weekly-prompt", "2023-10-09T00:00+08:00", "2023-10-15T23:59+08:00"))
                .containsExactly("2023-W41@2023-10-12 15:00 周四");
        assertThat(runs("private-nudge", "2023-10-09T00:00+08:00", "2023-10-15T23:59+08:00"))
                .containsExactly("2023-W41@2023-10-13 10:00 周五");
        assertThat(runs("group-reminder", "2023-10-09T00:00+08:00", "2023-10-15T23:59+08:00"))
                .containsExactly("2023-W41@2023-10-13 14:00 周五");
        assertThat(runs("weekly-summary", "2023-10-09T00:00+08:00", "2023-10-15T23:59+08:00"))
                .containsExactly("2023-W40@2023-10-09 09:00 周一");   // the summary names the week it covers
    }

    @Test
    void givenGuoqing2023_theWeekRunsOnItsTiaoxiuWeekend_andRemindersFollowThePrompt() {
        // 2023-W40: Mon 10-02 .. Fri 10-06 are holidays, Sat 10-07 and Sun 10-08 are 调休 working days.
        assertThat(runs("weekly-prompt", "2023-10-02T00:00+08:00", "2023-10-08T23:59+08:00"))
                .containsExactly("2023-W40@2023-10-07 15:00 周六");
        assertThat(runs("private-nudge", "2023-10-02T00:00+08:00", "2023-10-08T23:59+08:00"))
                .containsExactly("2023-W40@2023-10-08 10:00 周日");
        assertThat(runs("group-reminder", "2023-10-02T00:00+08:00", "2023-10-08T23:59+08:00"))
                .containsExactly("2023-W40@2023-10-08 14:00 周日");
        assertThat(runs("weekly-summary", "2023-10-02T00:00+08:00", "2023-10-08T23:59+08:00"))
                .containsExactly("2023-W39@2023-10-07 09:00 周六");
        // 2023-W39: Thu 09-28 works, Fri 09-29 is the holiday: no working time left after the prompt for reminders.
        assertThat(runs("weekly-prompt", "2023-09-25T00:00+08:00", "2023-10-01T23:59+08:00"))
                .containsExactly("2023-W39@2023-09-28 15:00 周四");
        assertThat(runs("private-nudge", "2023-09-25T00:00+08:00", "2023-10-01T23:59+08:00")).isEmpty();
    }

    @Test
    void givenSpringFestival2023_theWeekOnlyWorksAtItsWeekend() {
        // 2023-W04 (01-23 .. 01-29): Mon..Fri off, Sat 01-28 and Sun 01-29 working.
        assertThat(SHIFT.inWeek(d("2023-01-26"), T15, ShiftPolicy.PREVIOUS, Optional.empty()))
                .contains(d("2023-01-28"));
        assertThat(SHIFT.inWeek(d("2023-01-27"), LocalTime.of(10, 0), ShiftPolicy.PREVIOUS,
                Optional.of(LocalDateTime.parse("2023-01-28T15:00")))).contains(d("2023-01-29"));
        // 2023-W03: Sat 01-21 and Sun 01-22 are off anyway; Thursday 01-19 is an ordinary working day.
        assertThat(SHIFT.inWeek(d("2023-01-19"), T15, ShiftPolicy.PREVIOUS, Optional.empty())).contains(d("2023-01-19"));
    }

    @Test
    void givenSpringFestival2024_theWeekWithOnlyASundayPromptsOnSunday_andHasNoReminders() {
        // 2024-W07 (02-12 .. 02-18): Mon..Sat off, Sun 02-18 working.
        assertThat(SHIFT.inWeek(d("2024-02-15"), T15, ShiftPolicy.PREVIOUS, Optional.empty())).contains(d("2024-02-18"));
        assertThat(SHIFT.inWeek(d("2024-02-16"), LocalTime.of(10, 0), ShiftPolicy.PREVIOUS,
                Optional.of(LocalDateTime.parse("2024-02-18T15:00")))).isEmpty();
        // 2024-W06 (02-05 .. 02-11): Thursday 02-08 and Friday 02-09 work; Sunday 02-04 before it is a 调休 day.
        assertThat(SHIFT.inWeek(d("2024-02-08"), T15, ShiftPolicy.PREVIOUS, Optional.empty())).contains(d("2024-02-08"));
        assertThat(SHIFT.inWeek(d("2024-02-09"), T15, ShiftPolicy.PREVIOUS, Optional.empty())).contains(d("2024-02-09"));
        // A monthly run on 02-12 (holiday) moves back to Friday 02-09, or forward to Sunday 02-18.
        assertThat(SHIFT.dated(d("2024-02-12"), ShiftPolicy.PREVIOUS)).contains(d("2024-02-09"));
        assertThat(SHIFT.dated(d("2024-02-12"), ShiftPolicy.NEXT)).contains(d("2024-02-18"));
        assertThat(SHIFT.dated(d("2024-02-12"), ShiftPolicy.SKIP)).isEmpty();
    }

    @Test
    void givenAWeekWithoutWorkingDays_thereIsNoWeeklyRun() {
        WorkCalendar closed = new WorkCalendar(List.of(new Holiday(List.of("测试"), d("2030-01-07"), d("2030-01-11"))),
                Set.of(), Set.of());
        DayShifter s = new DayShifter(closed);
        for (ShiftPolicy p : ShiftPolicy.values()) {
            assertThat(s.inWeek(d("2030-01-10"), T15, p, Optional.empty())).as(p.key()).isEmpty();
        }
    }

    @Test
    void givenPolicies_previousNextAndSkipMoveAWeeklyRunAsConfigured() {
        // 2024-W40 (09-30 .. 10-06): Mon 09-30 works, 10-01 .. 10-06 off. A Thursday run:
        assertThat(SHIFT.inWeek(d("2024-10-03"), T15, ShiftPolicy.PREVIOUS, Optional.empty())).contains(d("2024-09-30"));
        assertThat(SHIFT.inWeek(d("2024-10-03"), T15, ShiftPolicy.NEXT, Optional.empty())).contains(d("2024-09-30"));
        assertThat(SHIFT.inWeek(d("2024-10-03"), T15, ShiftPolicy.SKIP, Optional.empty())).isEmpty();
    }

    @Test
    void monthlyReport_onThe25th_movesOffWeekends() {
        assertThat(runs("monthly-report", "2023-08-01T00:00+08:00", "2023-12-31T23:59+08:00")).containsExactly(
                "2023-08@2023-08-25 09:00 周五", "2023-09@2023-09-25 09:00 周一", "2023-10@2023-10-25 09:00 周三",
                "2023-11@2023-11-24 09:00 周五", "2023-12@2023-12-25 09:00 周一");
    }

    @Test
    void deadlineWarnings_30_14_7DaysBefore_onWorkingDays() {
        // Every 2023 task is due 2023-12-31 (Sunday): 12-01 (Fri), 12-17 (Sun) -> 12-15, 12-24 (Sun) -> 12-22.
        assertThat(runs("deadline-warning", "2023-07-28T00:00+08:00", "2023-12-31T23:59+08:00")).containsExactly(
                "2023-12-01@2023-12-01 09:30 周五", "2023-12-15@2023-12-15 09:30 周五",
                "2023-12-22@2023-12-22 09:30 周五");
    }

    @Test
    void holidayReminders_fiveWorkingDaysBeforeTheNamedHolidays_inThePlanPeriod() {
        // 中秋、国庆 2023 start 09-29 (one joint break, one reminder); 元旦 2024 starts 2024-01-01.
        assertThat(runs("holiday-reminder", "2023-07-28T00:00+08:00", "2024-03-01T00:00+08:00")).containsExactly(
                "2023-09-29@2023-09-22 10:00 周五", "2024-01-01@2023-12-25 10:00 周一");
    }

    @Test
    void outsideThePlanPeriod_nothingRuns() {
        assertThat(runs("weekly-prompt", "2024-01-08T00:00+08:00", "2024-03-01T00:00+08:00")).isEmpty();
        assertThat(runs("weekly-prompt", "2023-07-01T00:00+08:00", "2023-07-28T00:00+08:00")).isEmpty();
        // the last summary covers the plan's last week, on the first working day after 元旦
        assertThat(runs("weekly-summary", "2023-12-31T00:00+08:00", "2024-01-31T00:00+08:00"))
                .containsExactly("2023-W52@2024-01-02 09:00 周二");
    }
}
