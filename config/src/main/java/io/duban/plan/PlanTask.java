package io.duban.plan;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One 具体任务 of a plan, numbered as in the 任务分解表. Units are named as the table writes them: a name may be
 * a unit group such as 各相关科室, which {@link Organization#expand} turns into real units.
 */
public record PlanTask(
        int number,
        int areaNumber,
        String areaName,
        String text,
        List<String> leadUnits,
        List<String> responsibleUnits,
        LocalDate deadline,
        Optional<Kpi> kpi,
        TaskMeasures measures) {

    public PlanTask {
        requireNonNull(areaName, "areaName is null");
        requireNonNull(text, "text is null");
        leadUnits = List.copyOf(leadUnits);
        responsibleUnits = List.copyOf(responsibleUnits);
        requireNonNull(deadline, "deadline is null");
        requireNonNull(kpi, "kpi is null");
        requireNonNull(measures, "measures is null");
    }

    /** A task without milestones or metrics. */
    public PlanTask(int number, int areaNumber, String areaName, String text, List<String> leadUnits,
                    List<String> responsibleUnits, LocalDate deadline, Optional<Kpi> kpi) {
        this(number, areaNumber, areaName, text, leadUnits, responsibleUnits, deadline, kpi, TaskMeasures.NONE);
    }

    public List<Milestone> milestones() {
        return measures.milestones();
    }

    public List<MetricDefinition> metrics() {
        return measures.metrics();
    }

    /** The first words of the task, for lists where the whole text would be too long. */
    public String shortText(int maxChars) {
        String t = text.replaceFirst("^\\d+[.．、]\\s*", "");
        return t.length() <= maxChars ? t : t.substring(0, maxChars) + "…";
    }
}
