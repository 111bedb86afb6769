package io.duban.bot.console;

import io.duban.bot.App;
import io.duban.bot.metric.MetricPhrases;
import io.duban.bot.report.ReportingWeek;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Fictional weekly reports from the plan's start up to the demo date, so that the demo shows a living plan:
 * most tasks on pace, one blocked, one behind, task 17 with its KPI figures. Only for the demo clock and an empty
 * database; real deployments never call it.
 */
public final class DemoData {
    /** Task number → (final percent at the demo date, problem text or ""). */
    private static final Map<Integer, Integer> PACE = Map.ofEntries(
            Map.entry(1, 60), Map.entry(2, 55), Map.entry(3, 70), Map.entry(4, 45), Map.entry(5, 50),
            Map.entry(6, 80), Map.entry(7, 35), Map.entry(8, 50), Map.entry(9, 45), Map.entry(10, 40),
            Map.entry(11, 50), Map.entry(12, 55), Map.entry(13, 45), Map.entry(14, 20), Map.entry(15, 60),
            Map.entry(16, 70), Map.entry(17, 45), Map.entry(18, 40), Map.entry(19, 55));
    private static final Map<Integer, String> PROGRESS = Map.of(
            12, "已对接保山咖啡企业2家，协助昭通建设蔬菜基地1个",
            13, "组织本区企业赴保山洽谈咖啡合作，签约意向1项",
            15, "“鱼米之乡”平台上架对口地区农特产品26款",
            16, "各基层工会中秋慰问品定向采购“小闵帮扶”产品，采购金额 3.5 万元",
            17, "第二批援滇疗休养已出发",
            19, "“闵行三农”公众号发布对口帮扶稿件，宣传报道 3 篇");

    private DemoData() {
    }

    /** Seeds the current plan up to the clock's week, once. Returns how many reports were added. */
    public static int seedIfEmpty(App app) {
        WorkPlan plan = app.config().currentPlan();
        if (!app.storage().reports().latestEffective(plan.year()).isEmpty()) {
            return 0;
        }
        ZoneId zone = app.config().settings().zone();
        LocalDate today = LocalDate.now(app.clock().withZone(zone));
        ReportingWeek first = ReportingWeek.of(plan.start()).next();
        ReportingWeek current = ReportingWeek.of(today);
        List<Person> people = app.storage().people().all();
        int weeks = 0;
        for (ReportingWeek w = first; w.compareTo(current) < 0; w = w.next()) {
            weeks++;
        }
        int added = 0;
        int index = 0;
        io.duban.bot.duty.DueCalculator due = app.board().calculator(plan);
        for (ReportingWeek w = first; w.compareTo(current) < 0; w = w.next(), index++) {
            Instant at = w.monday().plusDays(4).atTime(LocalTime.of(16, 30)).atZone(zone).toInstant();
            for (PlanTask task : plan.tasks()) {
                // each unit that owes the task reports once per period of its cadence, in the week it is asked;
                // a once-task is reported done in the plan's fourth week
                boolean once = task.cadence().kind() == io.duban.plan.Cadence.Kind.ONCE;
                ReportingWeek asked = w;
                boolean reportsNow = once ? index == Math.min(3, weeks - 1)
                        : due.periods(task).stream().anyMatch(p -> p.askWeek().equals(asked));
                if (!reportsNow) {
                    continue;
                }
                for (String unit : app.config().organization().owedBy(task)) {
                    Optional<Person> contact = people.stream().filter(p -> p.unit().equals(unit))
                            .filter(p -> p.role() == io.duban.roster.Role.CONTACT).findFirst()
                            .or(() -> people.stream().filter(p -> p.unit().equals(unit)).findFirst());
                    if (contact.isEmpty() || (task.number() == 14 && index >= weeks - 2)) {
                        continue; // task 14's lead has gone quiet for the last two weeks
                    }
                    int target = PACE.getOrDefault(task.number(), 50);
                    int percent = once ? 100 : Math.max(5, Math.round((float) target * (index + 1) / weeks / 5) * 5);
                    boolean blocked = task.number() == 7 && index >= weeks - 3;
                    String problems = blocked ? "援外干部轮换交接期，部分关爱慰问活动暂停"
                            : task.number() == 12 && index == weeks - 1 ? "冷链运输成本高" : "";
                    OptionalInt numerator = task.kpi().isPresent() ? OptionalInt.of(2 + 2 * index) : OptionalInt.empty();
                    OptionalInt denominator = task.kpi().isPresent() ? OptionalInt.of(120) : OptionalInt.empty();
                    ProgressReport stored = app.storage().reports().append(new NewReport(plan.year(), task.number(), unit,
                            contact.get().userId(), Optional.empty(), ReportKind.REPORT, Optional.empty(),
                            Optional.of(once ? ReportStatus.DONE : blocked ? ReportStatus.BLOCKED : ReportStatus.IN_PROGRESS),
                            OptionalInt.of(percent),
                            PROGRESS.getOrDefault(task.number(), "按计划推进，本周完成阶段性工作"), problems,
                            once ? "" : "继续推进", numerator, denominator, w.toString(), at));
                    // As the chat does: the figures named in the text count, the problems become items.
                    app.measures().metrics().record(stored,
                            MetricPhrases.find(stored.progress(), task.metrics()).values());
                    app.measures().problems().onReport(stored, true);
                    added++;
                }
            }
        }
        return added;
    }
}
