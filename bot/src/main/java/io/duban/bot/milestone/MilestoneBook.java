package io.duban.bot.milestone;

import io.duban.plan.Milestone;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.MilestoneEdit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every task's milestones at a moment: the plan file's, with the edits made in chat applied in order (a
 * {@code SET} with the text of an existing milestone moves it, otherwise adds one; {@code REACHED} confirms one).
 * Built from one list of edits; no queries.
 */
public final class MilestoneBook {
    private final Map<Integer, List<TaskMilestone>> byTask;

    private MilestoneBook(Map<Integer, List<TaskMilestone>> byTask) {
        this.byTask = byTask;
    }

    /** The plan file's milestones only. */
    public static MilestoneBook ofPlan(WorkPlan plan) {
        return of(plan, List.of(), Instant.MAX);
    }

    /** The plan's milestones with the edits made at or before {@code asOf}. */
    public static MilestoneBook of(WorkPlan plan, List<MilestoneEdit> edits, Instant asOf) {
        Map<Integer, List<TaskMilestone>> out = new HashMap<>();
        for (PlanTask task : plan.tasks()) {
            Map<String, TaskMilestone> byText = new LinkedHashMap<>();
            task.milestones().forEach(m -> byText.put(m.text(), TaskMilestone.fromPlan(m)));
            for (MilestoneEdit e : edits) {
                if (e.planYear() != plan.year() || e.taskNumber() != task.number() || e.at().isAfter(asOf)) {
                    continue;
                }
                TaskMilestone old = byText.get(e.text());
                if (e.action() == MilestoneEdit.Action.SET) {
                    byText.put(e.text(), new TaskMilestone(new Milestone(e.date(), e.text(), e.percent()),
                            Optional.of(e.personId()), Optional.of(e.at()),
                            old == null ? Optional.empty() : old.reachedAt()));
                } else if (old != null && old.reachedAt().isEmpty()) {
                    byText.put(e.text(), new TaskMilestone(old.milestone(), old.setBy(), old.setAt(),
                            Optional.of(e.at())));
                }
            }
            List<TaskMilestone> list = new ArrayList<>(byText.values());
            list.sort(Comparator.comparing((TaskMilestone m) -> m.milestone().date()));
            out.put(task.number(), List.copyOf(list));
        }
        return new MilestoneBook(out);
    }

    /** The task's milestones by date. */
    public List<TaskMilestone> of(PlanTask task) {
        return byTask.getOrDefault(task.number(), List.of());
    }

    public Optional<TaskMilestone> find(PlanTask task, String text) {
        return of(task).stream().filter(m -> m.milestone().text().equals(text)).findFirst();
    }
}
