package io.duban.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units of the commission and the collective names the plan uses for groups of them (各相关科室, 委属单位 …).
 * Plans name units as the document does; this expands those names into the real units that report.
 */
public final class Organization {
    private final List<String> units;
    private final Map<String, List<String>> groups;

    public Organization(List<String> units, Map<String, List<String>> groups) {
        this.units = List.copyOf(units);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        groups.forEach((name, members) -> copy.put(name, List.copyOf(members)));
        this.groups = Map.copyOf(copy);
    }

    public List<String> units() {
        return units;
    }

    public Map<String, List<String>> groups() {
        return groups;
    }

    public boolean isUnit(String name) {
        return units.contains(name);
    }

    public boolean isGroup(String name) {
        return groups.containsKey(name);
    }

    public boolean knows(String name) {
        return isUnit(name) || isGroup(name);
    }

    /** Real units behind the given names, in order, without repeats. */
    public List<String> expand(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            List<String> members = groups.get(name);
            if (members == null) {
                out.add(name);
            } else {
                out.addAll(expand(members));
            }
        }
        return new ArrayList<>(out);
    }

    /** Every unit that reports on the task: its lead units first, then its responsible units. */
    public List<String> assignedUnits(PlanTask task) {
        Set<String> out = new LinkedHashSet<>(expand(task.leadUnits()));
        out.addAll(expand(task.responsibleUnits()));
        return new ArrayList<>(out);
    }

    public boolean isLead(PlanTask task, String unit) {
        return expand(task.leadUnits()).contains(unit);
    }

    public boolean isAssigned(PlanTask task, String unit) {
        return assignedUnits(task).contains(unit);
    }

    /**
     * The units that owe the task's progress report: its lead units, and its responsible units when the plan says
     * they owe it too. Whether a report is due at all depends on the task's cadence.
     */
    public List<String> owedBy(PlanTask task) {
        Set<String> out = new LinkedHashSet<>(expand(task.leadUnits()));
        if (task.reporting().responsibleOwe()) {
            out.addAll(expand(task.responsibleUnits()));
        }
        return new ArrayList<>(out);
    }

    /** The units that may report on the task but do not owe it: they are never asked, nudged or listed as missing. */
    public List<String> contributors(PlanTask task) {
        List<String> owing = owedBy(task);
        return assignedUnits(task).stream().filter(u -> !owing.contains(u)).toList();
    }

    public boolean owes(PlanTask task, String unit) {
        return owedBy(task).contains(unit);
    }
}
