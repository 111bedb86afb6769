package io.duban.bot.problem;

import io.duban.storage.model.ProblemDecision;
import io.duban.storage.model.ProblemItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which open problems need a consultation (待会商): open longer than the configured time, or the same problem
 * raised by two or more units on one task. A problem a consultation has decided on is no longer waiting for one.
 */
public final class ConsultRule {
    private ConsultRule() {
    }

    /** Why an item waits for a consultation. */
    public record Flag(ProblemItem item, String why) {
    }

    /**
     * @param open      the items open at {@code now}
     * @param decisions decisions taken by {@code now}
     * @return flagged items, oldest first
     */
    public static List<Flag> flagged(List<ProblemItem> open, List<ProblemDecision> decisions, Duration after,
                                     Instant now) {
        Set<Long> decided = decisions.stream().filter(d -> !d.at().isAfter(now))
                .map(ProblemDecision::problemId).collect(Collectors.toSet());
        List<Flag> out = new ArrayList<>();
        for (ProblemItem i : open.stream().sorted(Comparator.comparing(ProblemItem::raisedAt)
                .thenComparingLong(ProblemItem::id)).toList()) {
            if (decided.contains(i.id())) {
                continue;
            }
            Duration age = Duration.between(i.raisedAt(), now);
            List<String> others = open.stream()
                    .filter(o -> o.taskNumber() == i.taskNumber() && !o.unit().equals(i.unit()))
                    .filter(o -> ProblemTexts.same(o.text(), i.text()))
                    .map(ProblemItem::unit).distinct().toList();
            if (!others.isEmpty()) {
                out.add(new Flag(i, "多单位提出，另有" + String.join("、", others)));
            } else if (age.compareTo(after) >= 0) {
                out.add(new Flag(i, "已持续 " + age.toDays() + " 天"));
            }
        }
        return out;
    }

    /** The latest decision per item. */
    public static Map<Long, ProblemDecision> latestDecisions(List<ProblemDecision> decisions, Instant now) {
        return decisions.stream().filter(d -> !d.at().isAfter(now))
                .collect(Collectors.toMap(ProblemDecision::problemId, d -> d, (a, b) -> a.id() > b.id() ? a : b));
    }

    public static Optional<Flag> of(List<Flag> flags, long id) {
        return flags.stream().filter(f -> f.item().id() == id).findFirst();
    }
}
