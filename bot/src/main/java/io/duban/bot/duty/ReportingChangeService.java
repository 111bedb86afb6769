package io.duban.bot.duty;

import io.duban.plan.PlanTask;
import io.duban.plan.Reporting;
import io.duban.plan.WorkPlan;
import io.duban.storage.ReportingChangeRepository;
import io.duban.storage.model.ReportingChange;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin's change to a task's cadence or reporters (设置 12 每两周): applied to the plan as it stands and stored
 * with who made it and when; from then on {@link ReportingOverrides} puts it in place of the plan file's setting.
 */
public final class ReportingChangeService {
    private final ReportingChangeRepository changes;

    public ReportingChangeService(ReportingChangeRepository changes) {
        this.changes = changes;
    }

    /** What a change did: the task's reporting before and after, and the stored row. */
    public record Changed(PlanTask before, PlanTask after, ReportingChange stored) {
    }

    /** Applies the setting to the task of {@code plan} (the current plan with earlier changes) and stores it. */
    public Optional<Changed> change(WorkPlan plan, ReportingSetting setting, String adminId, Optional<Long> inboundId,
                                    Instant at) {
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
        return Optional.of(new Changed(before, before.withReporting(r), stored));
    }
}
