package io.duban.bot.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who reported in a reporting week, counted once for every message that states it (未报送, 立即提醒, the digest):
 * of the units asked for something in the week (what {@link io.duban.bot.duty.DueCalculator} said was due as it
 * began), how many sent at least one accepted report, and how many sent all of
 * theirs.
 *
 * @param units    units that owed at least one report in the week, in organization order
 * @param reported units with at least one accepted report in the week
 * @param owing    units still owing reports in the week (the due list), with the task numbers, in organization order
 */
public record WeekTally(List<String> units, Set<String> reported, Map<String, List<Integer>> owing) {
    public WeekTally {
        units = List.copyOf(units);
        reported = Set.copyOf(reported);
        owing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owing));
    }

    /** Units that reported every task they owe. */
    public int complete() {
        return (int) units.stream().filter(u -> !owing.containsKey(u)).count();
    }

    /** Units that sent at least one report. */
    public int someReported() {
        return (int) units.stream().filter(reported::contains).count();
    }

    /** Units that sent nothing at all. */
    public List<String> silent() {
        return units.stream().filter(u -> !reported.contains(u)).toList();
    }

    /** Units that sent some but not all. */
    public List<String> partial() {
        return units.stream().filter(u -> reported.contains(u) && owing.containsKey(u)).toList();
    }

    /** {@code 17 个单位中 5 个有报送、1 个已报齐}: the one wording of the count. */
    public String summary() {
        return units.size() + " 个单位中 " + someReported() + " 个有报送、" + complete() + " 个已报齐";
    }
}
