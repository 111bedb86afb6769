package io.duban.bot.schedule;

import io.duban.calendar.WorkCalendar;
import io.duban.config.ConfigDirectory;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.Storage;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What every job reads: configuration, storage, calendar, schedule settings and the open-task filter. */
record RhythmContext(ConfigDirectory config, Storage storage, WorkCalendar calendar, ScheduleSettings settings,
                     TaskFilter taskFilter) {

    WorkPlan plan() {
        return config.currentPlan();
    }

    Organization org() {
        return config.organization();
    }

    List<PlanTask> openTasks(LocalDate on) {
        return taskFilter.open(plan(), on);
    }

    /** Units that report on at least one open task, in organization order. */
    List<String> reportingUnits(LocalDate on) {
        Set<String> assigned = new LinkedHashSet<>();
        for (PlanTask t : openTasks(on)) {
            assigned.addAll(org().assignedUnits(t));
        }
        return org().units().stream().filter(assigned::contains).toList();
    }

    /** Open tasks a unit reports on, lead tasks first. */
    List<PlanTask> tasksOf(String unit, LocalDate on) {
        List<PlanTask> open = openTasks(on);
        java.util.ArrayList<PlanTask> out = new java.util.ArrayList<>();
        open.stream().filter(t -> org().isLead(t, unit)).forEach(out::add);
        open.stream().filter(t -> !org().isLead(t, unit) && org().isAssigned(t, unit)).forEach(out::add);
        return out;
    }

    /** Days on which the plan is running (start to deadline). */
    boolean inPlan(LocalDate d) {
        return !d.isBefore(plan().start()) && !d.isAfter(plan().deadline());
    }

    int maxQuoteChars() {
        return config.settings().maxQuoteChars();
    }

    String botName() {
        return config.settings().botName();
    }
}
