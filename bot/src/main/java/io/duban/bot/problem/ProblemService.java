package io.duban.bot.problem;

import io.duban.plan.WorkPlan;
import io.duban.storage.ProblemRepository;
import io.duban.storage.ReviewRepository;
import io.duban.storage.model.ProblemDecision;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProblemState;
import io.duban.storage.model.ProgressReport;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Problems as items with a life: every report updates its unit's items on the task ({@link ProblemLifecycle});
 * the unit or the office marks one solved; a consultation records its decision. Open items past the configured time
 * or raised by several units are flagged 待会商 ({@link ConsultRule}).
 */
public final class ProblemService {
    /** The bot itself, as the one who closes a lapsed item. */
    public static final String BOT = "督办助手";

    private final ProblemRepository problems;
    private final ReviewRepository reviews;
    private final ProblemSettings settings;
    private final Clock clock;

    /**
     * @param reviews the office's review decisions: an item raised by a report the office returned is not shown
     *                anywhere (one truth: a returned report does not count), in 问题, 任务, the digest, 通报 and 台账 alike
     */
    public ProblemService(ProblemRepository problems, ReviewRepository reviews, ProblemSettings settings, Clock clock) {
        this.problems = problems;
        this.reviews = reviews;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a report did to the unit's items: new ones, ones mentioned again, ones closed as 未再提及. */
    public record Update(List<ProblemItem> raised, List<ProblemItem> mentioned, List<ProblemItem> lapsed) {
        public boolean isEmpty() {
            return raised.isEmpty() && mentioned.isEmpty() && lapsed.isEmpty();
        }
    }

    /**
     * Applies a stored report (or correction) to its unit's items on the task.
     *
     * @param nextReport false for a correction: it replaces a report and does not count as the unit's next one
     */
    public Update onReport(ProgressReport report, boolean nextReport) {
        List<ProblemItem> open = problems.open(report.planYear(), report.taskNumber(), report.unit());
        String week = report.reportWeek();
        ProblemLifecycle.Step step = ProblemLifecycle.apply(open, ProblemTexts.split(report.problems()), nextReport,
                week);
        Instant at = report.reportedAt();
        List<ProblemItem> raised = new ArrayList<>();
        for (String text : step.raised()) {
            raised.add(problems.create(new ProblemItem(0, report.planYear(), report.taskNumber(), report.unit(), text,
                    Optional.of(report.id()), at, Optional.of(report.id()), at, 0, ProblemState.OPEN,
                    Optional.empty(), Optional.empty(), "", Optional.of(week))));
        }
        step.mentioned().forEach(i -> problems.mentioned(i.id(), report.id(), at, week));
        step.silent().forEach((i, n) -> problems.silent(i.id(), n, week));
        List<ProblemItem> lapsed = new ArrayList<>();
        for (ProblemItem i : step.lapsed()) {
            if (problems.close(i.id(), ProblemState.LAPSED, at, BOT, "连续两次报送未再提及")) {
                lapsed.add(problems.find(i.id()).orElseThrow());
            }
        }
        return new Update(raised, step.mentioned(), lapsed);
    }

    /**
     * A withdrawn report takes back the items it raised and nothing since mentioned; items mentioned again in later
     * reports stay.
     */
    public List<ProblemItem> onWithdraw(ProgressReport withdrawn) {
        List<ProblemItem> out = new ArrayList<>();
        for (ProblemItem i : problems.open(withdrawn.planYear(), withdrawn.taskNumber(), withdrawn.unit())) {
            if (i.raisedReportId().equals(Optional.of(withdrawn.id()))
                    && i.lastReportId().equals(Optional.of(withdrawn.id()))
                    && problems.close(i.id(), ProblemState.WITHDRAWN, clock.instant(), BOT, "报送已撤回")) {
                out.add(i);
            }
        }
        return out;
    }

    public Optional<ProblemItem> find(WorkPlan plan, long id) {
        return problems.find(id).filter(p -> p.planYear() == plan.year());
    }

    /** Items open now, oldest first. */
    public List<ProblemItem> open(WorkPlan plan) {
        return openAt(plan, clock.instant());
    }

    /** Items that were open at a moment, oldest first. */
    public List<ProblemItem> openAt(WorkPlan plan, Instant at) {
        Set<Long> returned = reviews.returnedReportIds(plan.year());
        return problems.all(plan.year()).stream().filter(p -> p.openAt(at))
                .filter(p -> p.raisedReportId().filter(returned::contains).isEmpty())
                .sorted(Comparator.comparing(ProblemItem::raisedAt).thenComparingLong(ProblemItem::id)).toList();
    }

    /** Every item of the plan year, open and closed, oldest first. */
    public List<ProblemItem> all(WorkPlan plan) {
        return problems.all(plan.year());
    }

    /** Open items waiting for a consultation (待会商) now, oldest first. */
    public List<ConsultRule.Flag> awaitingConsultation(WorkPlan plan) {
        return awaitingConsultation(plan, clock.instant());
    }

    public List<ConsultRule.Flag> awaitingConsultation(WorkPlan plan, Instant at) {
        return ConsultRule.flagged(openAt(plan, at), problems.decisions(plan.year()), settings.consultAfter(), at);
    }

    /** The latest consultation decision per item, as of a moment. */
    public Map<Long, ProblemDecision> decisions(WorkPlan plan, Instant at) {
        return ConsultRule.latestDecisions(problems.decisions(plan.year()), at);
    }

    /** Marks an open item solved; empty when it was not open. */
    public Optional<ProblemItem> solve(ProblemItem item, String personId, String note) {
        if (!problems.close(item.id(), ProblemState.SOLVED, clock.instant(), personId, note)) {
            return Optional.empty();
        }
        return problems.find(item.id());
    }

    /** Records what a consultation decided. */
    public ProblemDecision decide(ProblemItem item, LocalDate meeting, String decision, String personId,
                                  long inboundId) {
        return problems.decide(new ProblemDecision(0, item.id(), meeting, decision, personId, Optional.of(inboundId),
                clock.instant()));
    }

    public ProblemSettings settings() {
        return settings;
    }
}
