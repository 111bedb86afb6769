package io.duban.bot.schedule;

import io.duban.bot.milestone.MilestoneBook;
import io.duban.bot.milestone.TaskMilestone;
import io.duban.plan.PlanTask;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deadline warnings: for each open task and each configured number of days (30, 14, 7), the day that many days
 * before its deadline, moved off non-working days. One run per day (period {@code 2023-12-01}) covers every task
 * warned that day. Milestones (时间节点) are warned the same number of days before their dates, in the same run.
 */
final class DeadlineTiming implements Timing {
    private final JobSchedule schedule;
    private final DayShifter shifter;
    private final ZoneId zone;
    private final RhythmContext ctx;

    DeadlineTiming(JobSchedule schedule, DayShifter shifter, ZoneId zone, RhythmContext ctx) {
        this.schedule = schedule;
        this.shifter = shifter;
        this.zone = zone;
        this.ctx = ctx;
    }

    @Override
    public List<PlannedRun> runs(String job, LocalDate from, LocalDate to) {
        List<PlannedRun> out = new ArrayList<>();
        if (!schedule.enabled()) {
            return out;
        }
        TreeMap<LocalDate, LocalDate> byDay = new TreeMap<>();   // run day -> earliest nominal day
        MilestoneBook milestones = ctx.milestones();
        for (PlanTask t : ctx.plan().tasks()) {
            List<LocalDate> dates = new ArrayList<>(List.of(t.deadline()));
            milestones.of(t).forEach(m -> dates.add(m.milestone().date()));
            for (LocalDate due : dates) {
                for (int days : ctx.settings().deadlineDays()) {
                    LocalDate nominal = due.minusDays(days);
                    if (nominal.isBefore(from) || nominal.isAfter(to)) {
                        continue;
                    }
                    shifter.dated(nominal, schedule.onNonWorkingDay())
                            .filter(d -> ctx.inPlan(d) && !ctx.openTasks(d).isEmpty())
                            .ifPresent(d -> byDay.merge(d, nominal, (a, b) -> a.isBefore(b) ? a : b));
                }
            }
        }
        byDay.forEach((day, nominal) -> out.add(new PlannedRun(job, day.toString(),
                day.atTime(schedule.time()).atZone(zone), nominal)));
        return out;
    }

    /** The open tasks warned on {@code day}, with the days left to their deadline. */
    Map<PlanTask, Long> warningsOn(LocalDate day) {
        Map<PlanTask, Long> out = new LinkedHashMap<>();
        for (PlanTask t : ctx.openTasks(day)) {
            for (int days : ctx.settings().deadlineDays()) {
                LocalDate nominal = t.deadline().minusDays(days);
                if (shifter.dated(nominal, schedule.onNonWorkingDay()).filter(day::equals).isPresent()) {
                    out.put(t, java.time.temporal.ChronoUnit.DAYS.between(day, t.deadline()));
                }
            }
        }
        return out;
    }

    /** The open tasks' milestones warned on {@code day}, with the days left to each, by task. */
    Map<PlanTask, List<Map.Entry<TaskMilestone, Long>>> milestoneWarningsOn(LocalDate day, MilestoneBook book) {
        Map<PlanTask, List<Map.Entry<TaskMilestone, Long>>> out = new LinkedHashMap<>();
        for (PlanTask t : ctx.openTasks(day)) {
            for (TaskMilestone m : book.of(t)) {
                for (int days : ctx.settings().deadlineDays()) {
                    LocalDate nominal = m.milestone().date().minusDays(days);
                    if (shifter.dated(nominal, schedule.onNonWorkingDay()).filter(day::equals).isPresent()) {
                        out.computeIfAbsent(t, k -> new ArrayList<>()).add(Map.entry(m,
                                java.time.temporal.ChronoUnit.DAYS.between(day, m.milestone().date())));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
