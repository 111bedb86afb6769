package io.duban.bot.duty;

import io.duban.bot.report.ReportingWeek;
import io.duban.calendar.Holiday;
import io.duban.calendar.WorkCalendar;
import io.duban.plan.Cadence;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reporting periods of each task under its cadence, from the plan's first full week to the task's deadline:
 * <ul>
 *   <li>weekly: every ISO week that has a working day;
 *   <li>every two weeks: pairs of weeks counted from the plan's first week, asked in the second week;
 *   <li>monthly: the weeks whose Thursday (the prompt day) falls in the month, asked in the month's
 *       {@code monthWeek}-th reporting week (a week with working days), by default its last;
 *   <li>before holidays: the {@code holidayWorkingDays} working days before each named holiday;
 *   <li>once: the whole plan, asked in the last reporting week before the deadline, covered only by a report of
 *       completion;
 *   <li>none: no periods.
 * </ul>
 */
public final class ReportingPeriods {
    private final WorkPlan plan;
    private final DutyRules rules;
    private final LocalDate firstMonday;
    private final java.util.Map<List<Object>, List<Period>> memo = new java.util.concurrent.ConcurrentHashMap<>();

    public ReportingPeriods(WorkPlan plan, DutyRules rules) {
        this.plan = plan;
        this.rules = rules;
        LocalDate start = plan.start();
        this.firstMonday = start.getDayOfWeek() == DayOfWeek.MONDAY ? start
                : start.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /**
     * The task's periods. They depend only on its deadline and cadence, which most tasks share: computed once per
     * (deadline, cadence), not once per task (1,000 tasks made it most of 进度's time, issue 14).
     */
    public List<Period> of(PlanTask task) {
        return memo.computeIfAbsent(List.of(task.deadline(), task.cadence()), k -> List.copyOf(compute(task)));
    }

    private List<Period> compute(PlanTask task) {
        LocalDate last = task.deadline();
        Cadence c = task.cadence();
        return switch (c.kind()) {
            case WEEKLY -> weekly(last);
            case BIWEEKLY -> biweekly(last);
            case MONTHLY -> monthly(last, c.monthWeek());
            case BEFORE_HOLIDAYS -> beforeHolidays(last, c.holidays().isEmpty() ? rules.defaultHolidays() : c.holidays());
            case ONCE -> once(last);
            case NONE -> List.of();
        };
    }

    private WorkCalendar calendar() {
        return rules.calendar();
    }

    private boolean hasWorkingDays(ReportingWeek w, LocalDate last) {
        return calendar().workingDaysOfWeek(w.monday()).stream().anyMatch(d -> !d.isAfter(last));
    }

    private List<ReportingWeek> weeks(LocalDate last) {
        List<ReportingWeek> out = new ArrayList<>();
        for (ReportingWeek w = ReportingWeek.of(firstMonday); !w.monday().isAfter(last); w = w.next()) {
            out.add(w);
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private List<Period> weekly(LocalDate last) {
        List<Period> out = new ArrayList<>();
        for (ReportingWeek w : weeks(last)) {
            if (hasWorkingDays(w, last)) {
                out.add(new Period(w.toString(), "第" + w.week() + "周", w.monday(), min(w.sunday(), last), w.monday()));
            }
        }
        return out;
    }

    private List<Period> biweekly(LocalDate last) {
        List<ReportingWeek> weeks = weeks(last);
        List<Period> out = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i += 2) {
            ReportingWeek first = weeks.get(i);
            ReportingWeek second = i + 1 < weeks.size() ? weeks.get(i + 1) : first;
            LocalDate end = min(second.sunday(), last);
            ReportingWeek ask = hasWorkingDays(second, last) ? second : first;
            if (!hasWorkingDays(ask, last)) {
                continue;
            }
            String label = first.equals(second) ? "第" + first.week() + "周" : "第" + first.week() + "—" + second.week() + "周";
            out.add(new Period(first + (first.equals(second) ? "" : "+W" + String.format("%02d", second.week())),
                    label, first.monday(), end, ask.monday()));
        }
        return out;
    }

    private List<Period> monthly(LocalDate last, int monthWeek) {
        Map<YearMonth, List<ReportingWeek>> byMonth = new LinkedHashMap<>();
        for (ReportingWeek w : weeks(last)) {
            byMonth.computeIfAbsent(YearMonth.from(w.monday().with(DayOfWeek.THURSDAY)), m -> new ArrayList<>()).add(w);
        }
        List<Period> out = new ArrayList<>();
        byMonth.forEach((month, weeks) -> {
            List<ReportingWeek> working = weeks.stream().filter(w -> hasWorkingDays(w, last)).toList();
            if (working.isEmpty()) {
                return;
            }
            ReportingWeek ask = monthWeek == 0 || monthWeek > working.size()
                    ? working.get(working.size() - 1) : working.get(monthWeek - 1);
            out.add(new Period(month.toString(), month.getMonthValue() + "月", weeks.get(0).monday(),
                    min(weeks.get(weeks.size() - 1).sunday(), last), ask.monday()));
        });
        return out;
    }

    private List<Period> beforeHolidays(LocalDate last, List<String> names) {
        List<Period> out = new ArrayList<>();
        for (Holiday h : calendar().holidays()) {
            if (names.stream().noneMatch(h::isCalled)) {
                continue;
            }
            LocalDate from = calendar().workingDaysBefore(h.first(), rules.holidayWorkingDays());
            LocalDate to = min(calendar().previousWorkingDay(h.first()), last);
            if (to.isBefore(from) || to.isBefore(plan.start())) {
                continue;
            }
            LocalDate start = from.isBefore(plan.start()) ? plan.start() : from;
            out.add(new Period("节前" + h.first(), h.label() + "节前", start, to, start));
        }
        return out;
    }

    private List<Period> once(LocalDate last) {
        List<ReportingWeek> weeks = weeks(last);
        for (int i = weeks.size() - 1; i >= 0; i--) {
            if (hasWorkingDays(weeks.get(i), last)) {
                LocalDate start = plan.start().isAfter(last) ? last : plan.start();
                LocalDate ask = weeks.get(i).monday();
                return List.of(new Period("once", "完成时", start, last, ask.isBefore(start) ? start : ask));
            }
        }
        return List.of();
    }
}
