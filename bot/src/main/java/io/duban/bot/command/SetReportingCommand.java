package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.duty.ReportingChangeService;
import io.duban.bot.duty.ReportingSetting;
import io.duban.bot.message.Reply;
import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.PersonRepository;
import io.duban.storage.ReportingChangeRepository;
import io.duban.storage.model.ReportingChange;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code 设置 12 每两周}: an admin changes how often a task is reported and whether its responsible units owe the
 * report too. The change is stored with who made it and when, and applies at once to prompts, nudges, 未报送 and
 * the colours. {@code 设置 12} shows the task's current setting and its changes.
 */
public final class SetReportingCommand implements Command {
    private final CurrentPlan plans;
    private final Organization org;
    private final Settings settings;
    private final Clock clock;
    private final PersonRepository people;
    private final ReportingChangeRepository reportingChanges;

    public SetReportingCommand(CurrentPlan plans, Organization org, Settings settings, Clock clock,
                               PersonRepository people, ReportingChangeRepository reportingChanges) {
        this.plans = plans;
        this.org = org;
        this.settings = settings;
        this.clock = clock;
        this.people = people;
        this.reportingChanges = reportingChanges;
    }

    @Override
    public String name() {
        return "设置";
    }

    @Override
    public List<String> aliases() {
        return List.of("cadence");
    }

    @Override
    public String summary() {
        return "修改任务的报送频率或报送单位（管理员），修改记录留存";
    }

    @Override
    public String example() {
        return "设置 12 每两周";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = plans.get();
        if (args.strip().matches("(?:任务)?\\s*\\d{1,4}")) {
            int n = Integer.parseInt(args.strip().replaceAll("\\D", ""));
            return plan.task(n).map(t -> Reply.of(current(t))).orElseGet(() -> Reply.of(ReportReplies.unknownTask(plan, n, "设置 12")));
        }
        ReportingSetting.Result result = ReportingSetting.parse(args);
        if (result instanceof ReportingSetting.Result.Invalid invalid) {
            return Reply.of(invalid.reason());
        }
        ReportingSetting setting = ((ReportingSetting.Result.Ok) result).setting();
        Optional<ReportingChangeService.Changed> changed = new ReportingChangeService(reportingChanges)
                .change(plan, setting, ctx.person().userId(), Optional.of(ctx.inboundId()), clock.instant());
        if (changed.isEmpty()) {
            return Reply.of(ReportReplies.unknownTask(plan, setting.task(), "设置 12 每两周"));
        }
        PlanTask before = changed.get().before();
        PlanTask after = changed.get().after();
        String note = setting.responsibleOwe().filter(o -> o).isPresent() && before.responsibleUnits().isEmpty()
                ? "\n（该任务没有责任单位，仍由牵头单位报送。）" : "";
        if (describe(after).equals(describe(before))) {
            return Reply.of("任务 " + after.label() + " 的报送已是：" + describe(after) + "，无需修改。");
        }
        return Reply.of("已修改任务 " + after.label() + " 的报送：" + describe(after) + "（原：" + describe(before)
                + "）。\n修改人：" + ctx.person().name() + "，已记录，立即生效。" + note);
    }

    private String describe(PlanTask t) {
        return t.cadence().label() + "，" + String.join("、", org.owedBy(t)) + " 报送";
    }

    private String current(PlanTask t) {
        StringBuilder sb = new StringBuilder("任务 " + t.label() + "：" + describe(t));
        if (!org.contributors(t).isEmpty()) {
            sb.append("；").append(String.join("、", org.contributors(t))).append(" 可随时补充");
        }
        sb.append("。\n依据：").append(t.reporting().reason().isBlank() ? "—" : t.reporting().reason());
        List<ReportingChange> history = reportingChanges.history(plans.get().year(), t.number());
        for (ReportingChange c : history.subList(Math.max(0, history.size() - 3), history.size())) {
            sb.append("\n· ").append(java.time.format.DateTimeFormatter.ofPattern("M月d日").format(c.changedAt().atZone(settings.zone()))).append(" ")
                    .append(people.find(c.changedBy()).map(p -> p.name()).orElse(c.changedBy()))
                    .append(" 改为 ").append(io.duban.plan.Cadence.Kind.parse(c.cadence())
                            .map(io.duban.plan.Cadence.Kind::label).orElse(c.cadence()))
                    .append(c.responsibleOwe() ? "，责任单位也报" : "");
        }
        sb.append("\n修改示例：").append(ReportingSetting.EXAMPLE);
        return sb.toString();
    }

}
