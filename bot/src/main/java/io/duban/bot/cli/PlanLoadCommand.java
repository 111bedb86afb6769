package io.duban.bot.cli;

import io.duban.bot.duty.Due;
import io.duban.bot.duty.DueCalculator;
import io.duban.bot.report.ReportingWeek;
import io.duban.bot.settings.BotSettings;
import io.duban.config.ConfigDirectory;
import io.duban.plan.Organization;
import io.duban.plan.WorkPlan;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code duban plan load}: the reporting load the plan puts on units, week by week: how many (unit, task) reports
 * the bot asks for, and from whom, under each task's cadence and reporters on the working calendar (nothing
 * reported yet). Compares with asking every assigned unit for every task every week.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "逐周列出各单位需报送的任务数。 Reports asked per week and unit under the plan's cadences.")
final class PlanLoadCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;
    @Spec
    CommandSpec spec;
    @Option(names = "--year", description = "Plan year (default: the configured planYear).")
    Integer year;
    @Option(names = "--from", description = "First day (default: the plan start).")
    LocalDate from;
    @Option(names = "--to", description = "Last day (default: the plan deadline).")
    LocalDate to;

    @Override
    public Integer call() {
        ConfigDirectory config = global.loadConfig();
        int y = year == null ? config.settings().planYear() : year;
        WorkPlan plan = config.plans().get(y);
        if (plan == null) {
            spec.commandLine().getErr().println("没有 " + y + " 年的计划。 No plan for " + y + ".");
            return 1;
        }
        Organization org = config.organization();
        DueCalculator due = new DueCalculator(plan, org, BotSettings.dutyRules(BotSettings.schedule(config),
                BotSettings.calendar(config, global.env()), config.settings().staleWeeks()), (a, b) -> false);
        PrintWriter out = spec.commandLine().getOut();
        int everyone = plan.tasks().stream().mapToInt(t -> org.assignedUnits(t).size()).sum();
        out.println("旧规则（每个牵头、责任单位每周报送每项任务）：每周 " + everyone + " 份。");
        out.println("按各任务的报送频率与报送单位（本周新要求的报送，尚无报送时）：");
        LocalDate first = from == null ? plan.start() : from;
        LocalDate last = to == null ? plan.deadline() : to;
        int max = 0;
        int maxUnit = 0;
        for (ReportingWeek w = ReportingWeek.of(first); !w.monday().isAfter(last); w = w.next()) {
            List<Due> asked = due.askedIn(w);
            Map<String, Long> perUnit = asked.stream()
                    .collect(Collectors.groupingBy(Due::unit, LinkedHashMap::new, Collectors.counting()));
            long busiest = perUnit.values().stream().mapToLong(Long::longValue).max().orElse(0);
            max = Math.max(max, asked.size());
            maxUnit = (int) Math.max(maxUnit, busiest);
            out.printf("%s（%s）%3d 份  %s%n", w, w.span(), asked.size(), perUnit.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("、")));
        }
        out.printf("最多一周 %d 份；单个单位一周最多 %d 项。%n", max, maxUnit);
        out.flush();
        return 0;
    }
}
