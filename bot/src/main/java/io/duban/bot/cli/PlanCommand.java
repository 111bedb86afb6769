package io.duban.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.config.ConfigDirectory;
import io.duban.config.ConfigException;
import io.duban.plan.MetricDefinition;
import io.duban.plan.Milestone;
import io.duban.plan.Organization;
import io.duban.plan.PlanArea;
import io.duban.plan.PlanFiles;
import io.duban.plan.PlanTask;
import io.duban.plan.TsvPlanImporter;
import io.duban.plan.WorkPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code duban plan …}: show, import and copy the yearly plans in {@code config/plans/}. */
@Command(name = "plan", description = "查看、导入、复制年度计划。 Show, import and copy plans.",
        mixinStandardHelpOptions = true,
        subcommands = {PlanCommand.ListPlan.class, PlanCommand.ImportPlan.class, PlanCommand.CopyPlan.class,
                PlanLoadCommand.class})
public final class PlanCommand {

    @Command(name = "list", description = "列出计划任务。 List a plan's tasks.", mixinStandardHelpOptions = true)
    static final class ListPlan implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;
        @Option(names = "--year", description = "Plan year (default: the configured planYear).")
        Integer year;
        @Option(names = "--json", description = "Print a JSON array of tasks.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            ConfigDirectory config = global.loadConfig();
            int y = year == null ? config.settings().planYear() : year;
            WorkPlan plan = config.plans().get(y);
            if (plan == null) {
                spec.commandLine().getErr().println("没有 " + y + " 年的计划。 No plan for " + y + ".");
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(toJson(plan, config.organization()));
            } else {
                out.println(plan.title() + "（" + plan.start() + " 至 " + plan.deadline() + "）");
                for (PlanArea area : plan.areas()) {
                    out.println(area.number() + " " + area.name());
                    for (PlanTask t : area.tasks()) {
                        out.printf("  %2d. %s　%s%n      牵头：%s  责任：%s  截止：%s%n      报送：%s，%s%n",
                                t.number(), t.shortTitle(), t.text().length() <= 30 ? t.text() : t.text().substring(0, 30) + "…",
                                String.join("、", t.leadUnits()), String.join("、", t.responsibleUnits()), t.deadline(),
                                t.cadence().label(), String.join("、", config.organization().owedBy(t)));
                    }
                }
            }
            out.flush();
            return 0;
        }

        static String toJson(WorkPlan plan, Organization org) throws IOException {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode tasks = mapper.createArrayNode();
            for (PlanTask t : plan.tasks()) {
                ObjectNode n = tasks.addObject();
                n.put("year", plan.year());
                n.put("number", t.number());
                n.put("areaNumber", t.areaNumber());
                n.put("area", t.areaName());
                n.put("text", t.text());
                n.put("shortTitle", t.shortTitle());
                t.leadUnits().forEach(n.putArray("leadUnits")::add);
                t.responsibleUnits().forEach(n.putArray("responsibleUnits")::add);
                org.assignedUnits(t).forEach(n.putArray("assignedUnits")::add);
                org.owedBy(t).forEach(n.putArray("owedBy")::add);
                org.contributors(t).forEach(n.putArray("contributors")::add);
                ObjectNode cadence = n.putObject("cadence");
                cadence.put("kind", t.cadence().kind().key());
                cadence.put("label", t.cadence().label());
                if (t.cadence().monthWeek() != 0) {
                    cadence.put("monthWeek", t.cadence().monthWeek());
                }
                if (!t.cadence().holidays().isEmpty()) {
                    t.cadence().holidays().forEach(cadence.putArray("holidays")::add);
                }
                cadence.put("reason", t.reporting().reason());
                n.put("start", plan.start().toString());
                n.put("deadline", t.deadline().toString());
                t.kpi().ifPresent(k -> {
                    ObjectNode kpi = n.putObject("kpi");
                    kpi.put("name", k.name());
                    kpi.put("numerator", k.numeratorLabel());
                    kpi.put("denominator", k.denominatorLabel());
                    kpi.put("targetPercent", k.targetPercent());
                });
                ArrayNode milestones = n.putArray("milestones");
                for (Milestone m : t.milestones()) {
                    ObjectNode mn = milestones.addObject();
                    mn.put("date", m.date().toString());
                    mn.put("text", m.text());
                    if (m.percent().isPresent()) {
                        mn.put("percent", m.percent().getAsInt());
                    }
                }
                ArrayNode metrics = n.putArray("metrics");
                for (MetricDefinition m : t.metrics()) {
                    ObjectNode mn = metrics.addObject();
                    mn.put("name", m.name());
                    mn.put("unit", m.unit());
                    mn.put("combine", m.combine().key());
                    m.target().ifPresentOrElse(v -> mn.put("target", v), () -> mn.putNull("target"));
                }
            }
            return mapper.writeValueAsString(tasks);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "从 Excel 复制出的任务分解表（TSV）导入计划。 Import a plan from a 任务分解表 pasted from Excel.")
    static final class ImportPlan implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE.tsv",
                description = "Tab-separated: 序号, 工作要点, 具体任务, 牵头单位, 责任单位[, 时间节点].")
        Path file;
        @Option(names = "--year", description = "Plan year (default: the configured planYear).")
        Integer year;
        @Option(names = "--title", description = "Plan title (default: the existing plan's title of that year).")
        String title;
        @Option(names = "--document", description = "Document number, e.g. 闵农业农村委〔2023〕42号.")
        String document;
        @Option(names = "--start", description = "Plan start date (default: the existing plan's, or Jan 1).")
        LocalDate start;
        @Option(names = "--deadline", description = "Plan deadline (default: the existing plan's, or Dec 31).")
        LocalDate deadline;
        @Option(names = "--out", description = "Write here instead of config/plans/YEAR.yaml.")
        Path out;
        @Option(names = "--force", description = "Overwrite an existing plan file.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            ConfigDirectory config = global.loadConfig();
            int y = year == null ? config.settings().planYear() : year;
            Optional<WorkPlan> base = Optional.ofNullable(config.plans().get(y));
            TsvPlanImporter.Header header = new TsvPlanImporter.Header(
                    y,
                    title != null ? title : base.map(WorkPlan::title).orElse(y + "年工作计划"),
                    document != null ? document : base.map(WorkPlan::document).orElse(""),
                    start != null ? start : base.map(WorkPlan::start).orElse(LocalDate.of(y, 1, 1)),
                    deadline != null ? deadline : base.map(WorkPlan::deadline).orElse(LocalDate.of(y, 12, 31)));
            if (!Files.exists(file)) {
                throw new ConfigException(file, 0, "", "file not found");
            }
            String tsv = Files.readString(file, StandardCharsets.UTF_8);
            WorkPlan plan = new TsvPlanImporter(config.organization()).read(file.toString(), tsv, header, base);
            Path target = out != null ? out : PlanFiles.fileFor(config.dir().resolve("plans"), y);
            if (Files.exists(target) && !force && out == null) {
                PlanFiles.write(plan, target.resolveSibling(y + ".imported.yaml.txt"));
                spec.commandLine().getErr().printf(
                        "%s 已存在，未覆盖；导入结果写在 %s。确认无误后加 --force 覆盖。%n"
                                + "%s exists; the import was written to %s. Use --force to replace it.%n",
                        target, target.resolveSibling(y + ".imported.yaml.txt"), target,
                        target.resolveSibling(y + ".imported.yaml.txt"));
                return 1;
            }
            PlanFiles.write(plan, target);
            spec.commandLine().getOut().printf("已导入 %d 个工作要点、%d 项任务 → %s%n",
                    plan.areas().size(), plan.tasks().size(), target);
            return 0;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "以某年计划为底稿，新建另一年的计划。 Start a new year's plan from an old one.")
    static final class CopyPlan implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FROM_YEAR")
        int from;
        @Parameters(index = "1", paramLabel = "TO_YEAR")
        int to;

        @Override
        public Integer call() {
            ConfigDirectory config = global.loadConfig();
            WorkPlan source = config.plans().get(from);
            if (source == null) {
                spec.commandLine().getErr().println("没有 " + from + " 年的计划。 No plan for " + from + ".");
                return 1;
            }
            Path target = PlanFiles.fileFor(config.dir().resolve("plans"), to);
            if (Files.exists(target)) {
                spec.commandLine().getErr().println(target + " 已存在，未覆盖。 already exists; not replaced.");
                return 1;
            }
            WorkPlan copy = PlanCopier.copy(source, to);
            PlanFiles.write(copy, target);
            spec.commandLine().getOut().printf("已按 %d 年计划新建 %d 年计划（%d 项任务，期限 %s 至 %s）→ %s%n"
                            + "请修改标题、文号和任务内容后使用。%n",
                    from, to, copy.tasks().size(), copy.start(), copy.deadline(), target);
            return 0;
        }
    }
}
