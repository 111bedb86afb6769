package io.duban.bot.duty;

import io.duban.bot.report.ReportFilter;
import io.duban.config.ConfigDirectory;
import io.duban.plan.PlanTask;
import io.duban.plan.Reporting;
import io.duban.plan.WorkPlan;
import io.duban.storage.ReportRepository;
import io.duban.storage.ReportingChangeRepository;
import io.duban.storage.model.ReportingChange;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The due calculation on live data: the current plan with the office's chat changes applied, the countable
 * reports from storage, and the one {@link DueCalculator} every view asks. Built once by the composition root.
 */
public final class DutyService {
    private final ConfigDirectory config;
    private final ReportRepository reports;
    private final ReportingChangeRepository changes;
    private final DutyRules rules;
    private final BiPredicate<Integer, Integer> isClosed;
    private final ReportFilter countable;

    /**
     * @param isClosed  tells whether (plan year, task number) has been closed (销号)
     * @param countable which effective reports count as reported (a report the office returned does not)
     */
    public DutyService(ConfigDirectory config, ReportRepository reports, ReportingChangeRepository changes,
                       DutyRules rules, BiPredicate<Integer, Integer> isClosed, ReportFilter countable) {
        this.config = config;
        this.reports = reports;
        this.changes = changes;
        this.rules = rules;
        this.isClosed = isClosed;
        this.countable = countable;
    }

    public DutyRules rules() {
        return rules;
    }

    /** The current plan with the office's latest chat changes to reporters and cadence. */
    public WorkPlan plan() {
        WorkPlan file = config.currentPlan();
        return ReportingOverrides.apply(file, changes.latestPerTask(file.year()), rules.zone());
    }

    /** The calculator for the current plan. */
    public DueCalculator calculator() {
        return new DueCalculator(plan(), config.organization(), rules, isClosed);
    }

    /** The countable reports of the current plan year made at or before {@code asOf}. */
    public ReportFacts facts(Instant asOf) {
        int year = config.currentPlan().year();
        return ReportFacts.of(countable.countable(year, reports.allEffective(year)), rules.zone(), asOf);
    }

    /** What a change did: the task's reporting before and after. */
    public record Changed(PlanTask before, PlanTask after, ReportingChange stored) {
    }

    /** Applies an admin's setting to a task of the current plan and stores it with who and when. */
    public Optional<Changed> change(ReportingSetting setting, String adminId, Optional<Long> inboundId, Instant at) {
        WorkPlan plan = plan();
        Optional<PlanTask> task = plan.task(setting.task());
        if (task.isEmpty()) {
            return Optional.empty();
        }
        PlanTask before = task.get();
        Reporting r = setting.applyTo(before);
        if (r.responsibleOwe() && before.responsibleUnits().isEmpty()) {
            r = r.withResponsibleOwe(false);
        }
        ReportingChange stored = changes.append(new ReportingChange(0, plan.year(), before.number(),
                r.cadence().kind().key(), r.cadence().monthWeek(), r.cadence().holidays(), r.responsibleOwe(),
                adminId, inboundId, at));
        PlanTask after = plan().task(before.number()).orElseThrow();
        return Optional.of(new Changed(before, after, stored));
    }
}
