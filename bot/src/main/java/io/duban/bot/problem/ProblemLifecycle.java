package io.duban.bot.problem;

import io.duban.storage.model.ProblemItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a unit's new report on a task does to its open problem items: a problem that matches an open item is
 * mentioned again (its silence starts over); any other problem becomes a new item; an open item the report does not
 * mention has one more silent report, and after {@link #LAPSE_AFTER} it closes as "未再提及". Silence counts at most
 * once a reporting week: a second report in the week the item was raised, mentioned or last counted (a detail added,
 * a typo fixed) is not the unit's next report. A correction only adds and refreshes: it replaces a report, it is not
 * the unit's next one.
 */
public final class ProblemLifecycle {
    /** Reports without a mention after which an item closes as "未再提及". */
    public static final int LAPSE_AFTER = 2;

    private ProblemLifecycle() {
    }

    /**
     * @param raised    texts of new items
     * @param mentioned open items mentioned again
     * @param silent    open items not mentioned, with their new count of silent reports (below the lapse)
     * @param lapsed    open items that close as "未再提及"
     */
    public record Step(List<String> raised, List<ProblemItem> mentioned, Map<ProblemItem, Integer> silent,
                       List<ProblemItem> lapsed) {
    }

    /** @param week the reporting week of the report ({@code 2023-W41}) */
    public static Step apply(List<ProblemItem> open, List<String> problems, boolean nextReport, String week) {
        List<String> raised = new ArrayList<>();
        List<ProblemItem> mentioned = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String p : problems) {
            ProblemItem match = open.stream().filter(i -> !seen.contains(i.id()))
                    .filter(i -> ProblemTexts.same(i.text(), p)).findFirst().orElse(null);
            if (match != null) {
                seen.add(match.id());
                mentioned.add(match);
            } else if (raised.stream().noneMatch(r -> ProblemTexts.same(r, p))) {
                raised.add(p);
            }
        }
        Map<ProblemItem, Integer> silent = new LinkedHashMap<>();
        List<ProblemItem> lapsed = new ArrayList<>();
        if (nextReport) {
            for (ProblemItem i : open) {
                if (seen.contains(i.id()) || i.countedWeek().filter(week::equals).isPresent()) {
                    continue;
                }
                int n = i.silentReports() + 1;
                if (n >= LAPSE_AFTER) {
                    lapsed.add(i);
                } else {
                    silent.put(i, n);
                }
            }
        }
        return new Step(raised, mentioned, silent, lapsed);
    }
}
