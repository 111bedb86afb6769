package io.duban.plan;

import io.duban.config.ConfigException;
import io.duban.config.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads and writes plan files ({@code config/plans/YYYY.yaml}). Reading validates everything a person can get
 * wrong and names the file, line and field of the first mistake.
 */
public final class PlanFiles {
    private PlanFiles() {
    }

    public static Path fileFor(Path plansDir, int year) {
        return plansDir.resolve(year + ".yaml");
    }

    /** All plans in a folder, by year. */
    public static TreeMap<Integer, WorkPlan> loadAll(Path plansDir, Organization org) {
        TreeMap<Integer, WorkPlan> plans = new TreeMap<>();
        if (!Files.isDirectory(plansDir)) {
            throw new ConfigException(plansDir, 0, "", "plan folder not found");
        }
        try (Stream<Path> files = Files.list(plansDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{4}\\.ya?ml")).sorted().toList()) {
                WorkPlan plan = load(file, org);
                String expected = String.valueOf(plan.year());
                if (!file.getFileName().toString().startsWith(expected + ".")) {
                    throw new ConfigException(file, 1, "year", "the file name must be " + expected + ".yaml");
                }
                plans.put(plan.year(), plan);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (plans.isEmpty()) {
            throw new ConfigException(plansDir, 0, "", "no plan file (YYYY.yaml) in the folder");
        }
        return plans;
    }

    public static WorkPlan load(Path file, Organization org) {
        return read(YamlNode.read(file, name -> null), org);
    }

    static WorkPlan read(YamlNode root, Organization org) {
        root.allowOnly("year", "title", "document", "start", "deadline", "reporting", "areas");
        int year = root.require("year").integer();
        if (year < 2000 || year > 2100) {
            throw root.require("year").error("expected a year such as 2023");
        }
        String title = root.require("title").nonBlankText();
        String document = root.get("document").map(YamlNode::text).orElse("");
        LocalDate start = root.require("start").date();
        YamlNode deadlineNode = root.require("deadline");
        LocalDate deadline = deadlineNode.date();
        if (deadline.isBefore(start)) {
            throw deadlineNode.error("the deadline " + deadline + " is before the start " + start);
        }
        Reporting defaults = root.get("reporting").map(n -> readReporting(n, Reporting.DEFAULT, true))
                .orElse(Reporting.DEFAULT);
        List<PlanArea> areas = new ArrayList<>();
        Set<Integer> taskNumbers = new HashSet<>();
        Set<Integer> areaNumbers = new HashSet<>();
        for (YamlNode areaNode : root.require("areas").items()) {
            areaNode.allowOnly("number", "name", "tasks");
            YamlNode areaNumberNode = areaNode.require("number");
            int areaNumber = areaNumberNode.integer();
            if (!areaNumbers.add(areaNumber)) {
                throw areaNumberNode.error("area number " + areaNumber + " appears twice");
            }
            String areaName = areaNode.require("name").nonBlankText();
            List<PlanTask> tasks = new ArrayList<>();
            for (YamlNode taskNode : areaNode.require("tasks").items()) {
                PlanTask task = readTask(taskNode, areaNumber, areaName, start, deadline, org, defaults);
                if (!taskNumbers.add(task.number())) {
                    throw taskNode.require("number").error("task number " + task.number() + " appears twice");
                }
                tasks.add(task);
            }
            areas.add(new PlanArea(areaNumber, areaName, tasks));
        }
        if (taskNumbers.isEmpty()) {
            throw root.require("areas").error("the plan has no tasks");
        }
        return new WorkPlan(year, title, document, start, deadline, areas);
    }

    private static PlanTask readTask(
            YamlNode node, int areaNumber, String areaName, LocalDate start, LocalDate planDeadline, Organization org,
            Reporting defaults) {
        node.allowOnly("number", "text", "lead", "responsible", "deadline", "kpi",
                "shortTitle", "cadence", "monthWeek", "holidays", "responsibleOwe", "cadenceReason",
                "milestones", "metrics");
        YamlNode numberNode = node.require("number");
        int number = numberNode.integer();
        if (number < 1) {
            throw numberNode.error("task numbers start at 1");
        }
        String text = node.require("text").nonBlankText();
        List<String> lead = units(node.require("lead"), org);
        if (lead.isEmpty()) {
            throw node.require("lead").error("a task needs at least one lead unit (牵头单位)");
        }
        List<String> responsible = node.get("responsible").map(n -> units(n, org)).orElse(List.of());
        LocalDate deadline = planDeadline;
        Optional<YamlNode> deadlineNode = node.get("deadline");
        if (deadlineNode.isPresent()) {
            deadline = deadlineNode.get().date();
            if (deadline.isBefore(start)) {
                throw deadlineNode.get().error("the task deadline " + deadline + " is before the plan start " + start);
            }
        }
        Optional<Kpi> kpi = node.get("kpi").map(PlanFiles::readKpi);
        TaskMeasures measures = new TaskMeasures(
                readMilestones(node.get("milestones"), start, deadline),
                readMetrics(node.get("metrics")));
        String shortTitle = node.get("shortTitle").map(YamlNode::nonBlankText).orElse("");
        if (shortTitle.codePointCount(0, shortTitle.length()) > PlanTask.MAX_SHORT_TITLE) {
            throw node.require("shortTitle").error("the short title (简称) '" + shortTitle + "' has more than "
                    + PlanTask.MAX_SHORT_TITLE + " characters");
        }
        Reporting reporting = readReporting(node, defaults, false);
        if (reporting.responsibleOwe() && responsible.isEmpty()) {
            throw node.require("responsibleOwe").error("responsibleOwe is true but the task names no responsible units");
        }
        return new PlanTask(number, areaNumber, areaName, text, lead, responsible, deadline, kpi, shortTitle,
                reporting, measures);
    }

    private static List<Milestone> readMilestones(Optional<YamlNode> list, LocalDate start, LocalDate deadline) {
        List<Milestone> out = new ArrayList<>();
        for (YamlNode m : list.map(YamlNode::items).orElse(List.of())) {
            m.allowOnly("date", "text", "percent");
            YamlNode dateNode = m.require("date");
            LocalDate date = dateNode.date();
            if (date.isBefore(start) || date.isAfter(deadline)) {
                throw dateNode.error("the milestone date " + date + " is outside the task's period " + start
                        + " to " + deadline);
            }
            OptionalInt percent = OptionalInt.empty();
            Optional<YamlNode> percentNode = m.get("percent");
            if (percentNode.isPresent()) {
                int p = percentNode.get().integer();
                if (p < 0 || p > 100) {
                    throw percentNode.get().error("percent must be between 0 and 100");
                }
                percent = OptionalInt.of(p);
            }
            out.add(new Milestone(date, m.require("text").nonBlankText(), percent));
        }
        return out;
    }

    private static List<MetricDefinition> readMetrics(Optional<YamlNode> list) {
        List<MetricDefinition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode m : list.map(YamlNode::items).orElse(List.of())) {
            m.allowOnly("name", "unit", "combine", "target");
            YamlNode nameNode = m.require("name");
            String name = nameNode.nonBlankText();
            if (name.matches(".*[\\d\\s%％:：；;].*")) {
                throw nameNode.error("a metric name must not contain digits, spaces or separators, e.g. 采购金额");
            }
            if (!names.add(name)) {
                throw nameNode.error("metric '" + name + "' appears twice in this task");
            }
            String unit = m.require("unit").nonBlankText();
            if (unit.matches(".*[\\d\\s].*")) {
                throw m.require("unit").error("a unit must not contain digits or spaces, e.g. 万元");
            }
            MetricDefinition.Combine combine = MetricDefinition.Combine.SUM;
            Optional<YamlNode> combineNode = m.get("combine");
            if (combineNode.isPresent()) {
                combine = MetricDefinition.Combine.fromKey(combineNode.get().text())
                        .orElseThrow(() -> combineNode.get().error("expected sum or latest"));
            }
            Optional<Double> target = Optional.empty();
            Optional<YamlNode> targetNode = m.get("target");
            if (targetNode.isPresent()) {
                double t = targetNode.get().decimal();
                if (t <= 0) {
                    throw targetNode.get().error("a target must be greater than 0");
                }
                target = Optional.of(t);
            }
            out.add(new MetricDefinition(name, unit, combine, target));
        }
        return out;
    }

    /**
     * The reporting keys of a task (or of the plan-wide {@code reporting:} defaults): {@code cadence} (weekly,
     * biweekly, monthly, before-holidays, once, none), {@code monthWeek}, {@code holidays}, {@code responsibleOwe},
     * {@code cadenceReason}.
     */
    private static Reporting readReporting(YamlNode node, Reporting defaults, boolean onlyReporting) {
        if (onlyReporting) {
            node.allowOnly("cadence", "monthWeek", "holidays", "responsibleOwe");
        }
        Cadence cadence = defaults.cadence();
        Optional<YamlNode> kindNode = node.get("cadence");
        if (kindNode.isPresent()) {
            String key = kindNode.get().nonBlankText();
            Cadence.Kind kind = Cadence.Kind.parse(key).orElseThrow(() -> kindNode.get()
                    .error("unknown cadence '" + key + "'; expected one of " + Cadence.Kind.keys()));
            cadence = Cadence.of(kind);
        }
        int monthWeek = cadence.monthWeek();
        Optional<YamlNode> weekNode = node.get("monthWeek");
        if (weekNode.isPresent()) {
            monthWeek = weekNode.get().integer();
            if (monthWeek < 0 || monthWeek > 5) {
                throw weekNode.get().error("monthWeek must be 1 to 5 (the reporting week of the month), or 0 for the last");
            }
            if (cadence.kind() != Cadence.Kind.MONTHLY) {
                throw weekNode.get().error("monthWeek applies to cadence: monthly only");
            }
        }
        List<String> holidays = cadence.holidays();
        Optional<YamlNode> holidaysNode = node.get("holidays");
        if (holidaysNode.isPresent()) {
            holidays = holidaysNode.get().strings();
            if (cadence.kind() != Cadence.Kind.BEFORE_HOLIDAYS) {
                throw holidaysNode.get().error("holidays applies to cadence: before-holidays only");
            }
        }
        boolean responsibleOwe = node.get("responsibleOwe").map(YamlNode::bool).orElse(defaults.responsibleOwe());
        String reason = onlyReporting ? "" : node.get("cadenceReason").map(YamlNode::text).orElse("");
        return new Reporting(new Cadence(cadence.kind(), monthWeek, holidays), responsibleOwe, reason);
    }

    private static Kpi readKpi(YamlNode node) {
        node.allowOnly("name", "numerator", "denominator", "targetPercent");
        YamlNode targetNode = node.require("targetPercent");
        double target = targetNode.decimal();
        if (target <= 0 || target > 100) {
            throw targetNode.error("targetPercent must be between 0 and 100");
        }
        return new Kpi(node.require("name").nonBlankText(), node.require("numerator").nonBlankText(),
                node.require("denominator").nonBlankText(), target);
    }

    private static List<String> units(YamlNode node, Organization org) {
        List<String> names = node.strings();
        for (String name : names) {
            if (!org.knows(name)) {
                throw node.error("unknown unit or unit group '" + name + "'; add it to config/organization.yaml");
            }
        }
        return names;
    }

    /** Writes a plan in the same form {@link #load} reads, so that a written plan loads back equal. */
    public static void write(WorkPlan plan, Path file) {
        StringBuilder y = new StringBuilder();
        y.append("# ").append(plan.title()).append('\n');
        y.append("year: ").append(plan.year()).append('\n');
        y.append("title: ").append(quote(plan.title())).append('\n');
        y.append("document: ").append(quote(plan.document())).append('\n');
        y.append("start: ").append(plan.start()).append('\n');
        y.append("deadline: ").append(plan.deadline()).append('\n');
        y.append("areas:\n");
        for (PlanArea area : plan.areas()) {
            y.append("  - number: ").append(area.number()).append('\n');
            y.append("    name: ").append(quote(area.name())).append('\n');
            y.append("    tasks:\n");
            for (PlanTask task : area.tasks()) {
                y.append("      - number: ").append(task.number()).append('\n');
                y.append("        text: ").append(quote(task.text())).append('\n');
                y.append("        shortTitle: ").append(quote(task.shortTitle())).append('\n');
                y.append("        lead: ").append(list(task.leadUnits())).append('\n');
                y.append("        responsible: ").append(list(task.responsibleUnits())).append('\n');
                Reporting r = task.reporting();
                y.append("        cadence: ").append(r.cadence().kind().key()).append('\n');
                if (r.cadence().monthWeek() != 0) {
                    y.append("        monthWeek: ").append(r.cadence().monthWeek()).append('\n');
                }
                if (!r.cadence().holidays().isEmpty()) {
                    y.append("        holidays: ").append(list(r.cadence().holidays())).append('\n');
                }
                if (r.responsibleOwe()) {
                    y.append("        responsibleOwe: true\n");
                }
                if (!r.reason().isEmpty()) {
                    y.append("        cadenceReason: ").append(quote(r.reason())).append('\n');
                }
                if (!task.deadline().equals(plan.deadline())) {
                    y.append("        deadline: ").append(task.deadline()).append('\n');
                }
                task.kpi().ifPresent(k -> {
                    y.append("        kpi:\n");
                    y.append("          name: ").append(quote(k.name())).append('\n');
                    y.append("          numerator: ").append(quote(k.numeratorLabel())).append('\n');
                    y.append("          denominator: ").append(quote(k.denominatorLabel())).append('\n');
                    y.append("          targetPercent: ").append(formatNumber(k.targetPercent())).append('\n');
                });
                writeMeasures(task.measures(), y);
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, y.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeMeasures(TaskMeasures measures, StringBuilder y) {
        if (!measures.milestones().isEmpty()) {
            y.append("        milestones:\n");
            for (Milestone m : measures.milestones()) {
                y.append("          - date: ").append(m.date()).append('\n');
                y.append("            text: ").append(quote(m.text())).append('\n');
                if (m.percent().isPresent()) {
                    y.append("            percent: ").append(m.percent().getAsInt()).append('\n');
                }
            }
        }
        if (!measures.metrics().isEmpty()) {
            y.append("        metrics:\n");
            for (MetricDefinition m : measures.metrics()) {
                y.append("          - name: ").append(quote(m.name())).append('\n');
                y.append("            unit: ").append(quote(m.unit())).append('\n');
                y.append("            combine: ").append(m.combine().key()).append('\n');
                m.target().ifPresent(t -> y.append("            target: ").append(formatNumber(t)).append('\n'));
            }
        }
    }

    private static String formatNumber(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(PlanFiles::quote).toList()) + "]";
    }

    /** YAML double-quoted scalar; always quoted so that no Chinese punctuation or colon changes the meaning. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
