package io.duban.plan;

import io.duban.config.ConfigException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 任务分解表 as pasted from Excel: tab-separated columns 序号 / 工作要点 / 具体任务 / 牵头单位 / 责任单位,
 * header rows repeated on each page, and continuation rows whose first two columns are empty (the task belongs to
 * the area above). Cells that Excel quoted because they hold line breaks or tabs are unquoted. Units inside a cell
 * are separated by spaces, line breaks, 、 or ，. An optional sixth column 时间节点 holds the task's milestones
 * ({@code 2023-10-31 完成产销对接会 60%}, several separated by ；or line breaks).
 *
 * <p>An optional 简称 column (named in the header row) gives each task its short title (at most 12 characters).
 * The table carries no deadlines, numeric targets or reporting settings (cadence, who owes the report); those
 * come from a base plan (usually last year's or the plan being replaced), matched by task number, as does the
 * short title when the table has no 简称 column. An optional 时间节点 column (named in the header row) gives the
 * task's milestones ({@code 2023-10-31 完成产销对接会 60%}, several separated by ；or line breaks); without it the
 * base plan's milestones stay, as do its metrics.
 */
public final class TsvPlanImporter {
    private static final Pattern TASK_TEXT = Pattern.compile("^\\s*(\\d+)\\s*[.．、]\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern UNIT_SEPARATOR = Pattern.compile("[\\s、，,；;]+");

    private final Organization org;

    public TsvPlanImporter(Organization org) {
        this.org = org;
    }

    public record Header(int year, String title, String document, LocalDate start, LocalDate deadline) {
    }

    public WorkPlan read(String fileName, String tsv, Header header, Optional<WorkPlan> base) {
        List<Row> rows = rows(fileName, tsv);
        Map<Integer, AreaBuilder> areas = new LinkedHashMap<>();
        AreaBuilder current = null;
        int lastTask = 0;
        int shortTitleColumn = -1;
        int milestoneColumn = -1;
        for (Row row : rows) {
            List<String> cells = row.cells();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (cell(cells, 0).equals("序号") || cell(cells, 2).equals("具体任务")) {
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i).strip().equals("简称")) {
                        shortTitleColumn = i;
                    }
                    if (cells.get(i).strip().equals("时间节点")) {
                        milestoneColumn = i;
                    }
                }
                continue;
            }
            if (cells.size() < 5) {
                throw new ConfigException(fileName, row.line(), "columns",
                        "expected 5 tab-separated columns (序号, 工作要点, 具体任务, 牵头单位, 责任单位), found " + cells.size());
            }
            String number = cell(cells, 0);
            String areaName = cell(cells, 1);
            if (!number.isEmpty() || !areaName.isEmpty()) {
                if (number.isEmpty() || areaName.isEmpty()) {
                    throw new ConfigException(fileName, row.line(), number.isEmpty() ? "序号" : "工作要点",
                            "an area row needs both 序号 and 工作要点");
                }
                int areaNumber = parseInt(number, fileName, row.line(), "序号");
                if (areas.containsKey(areaNumber)) {
                    throw new ConfigException(fileName, row.line(), "序号", "area " + areaNumber + " appears twice");
                }
                current = new AreaBuilder(areaNumber, areaName);
                areas.put(areaNumber, current);
            } else if (current == null) {
                throw new ConfigException(fileName, row.line(), "工作要点",
                        "the first task has no area: fill in 序号 and 工作要点");
            }
            Matcher m = TASK_TEXT.matcher(cell(cells, 2));
            if (!m.matches()) {
                throw new ConfigException(fileName, row.line(), "具体任务",
                        "must start with the task number, e.g. '12. 紧密结合对口帮扶地区…'");
            }
            int taskNumber = Integer.parseInt(m.group(1));
            if (taskNumber <= lastTask) {
                throw new ConfigException(fileName, row.line(), "具体任务",
                        "task " + taskNumber + " comes after task " + lastTask + "; numbers must increase");
            }
            lastTask = taskNumber;
            String text = m.group(2).strip();
            List<String> lead = units(cell(cells, 3), fileName, row.line(), "牵头单位");
            if (lead.isEmpty()) {
                throw new ConfigException(fileName, row.line(), "牵头单位", "a task needs at least one lead unit");
            }
            List<String> responsible = units(cell(cells, 4), fileName, row.line(), "责任单位");
            Optional<PlanTask> previous = base.flatMap(p -> p.task(taskNumber));
            LocalDate deadline = previous.map(PlanTask::deadline)
                    .filter(d -> !d.isAfter(header.deadline()) && !d.isBefore(header.start()))
                    .orElse(header.deadline());
            List<Milestone> milestones = previous.map(PlanTask::milestones).orElse(List.of());
            String milestoneCell = milestoneColumn >= 0 ? cell(cells, milestoneColumn) : "";
            if (!milestoneCell.isEmpty()) {
                List<MilestoneText.Result> parsed = MilestoneText.parseAll(milestoneCell, header.year());
                Optional<String> error = MilestoneText.firstError(parsed);
                if (error.isPresent()) {
                    throw new ConfigException(fileName, row.line(), "时间节点", error.get());
                }
                milestones = new ArrayList<>();
                for (MilestoneText.Result r : parsed) {
                    Milestone ms = ((MilestoneText.Result.Ok) r).milestone();
                    if (ms.date().isBefore(header.start()) || ms.date().isAfter(deadline)) {
                        throw new ConfigException(fileName, row.line(), "时间节点", "节点日期 " + ms.date()
                                + " 不在任务期限 " + header.start() + " 至 " + deadline + " 内");
                    }
                    milestones.add(ms);
                }
            }
            TaskMeasures measures = new TaskMeasures(milestones,
                    previous.map(PlanTask::metrics).orElse(List.of()));
            String shortTitle = shortTitleColumn >= 0 ? cell(cells, shortTitleColumn) : "";
            if (shortTitle.isEmpty()) {
                shortTitle = previous.map(PlanTask::shortTitle).orElse("");
            }
            if (shortTitle.codePointCount(0, shortTitle.length()) > PlanTask.MAX_SHORT_TITLE) {
                throw new ConfigException(fileName, row.line(), "简称", "the short title '" + shortTitle
                        + "' has more than " + PlanTask.MAX_SHORT_TITLE + " characters");
            }
            Reporting reporting = previous.map(PlanTask::reporting).orElse(Reporting.DEFAULT);
            if (reporting.responsibleOwe() && responsible.isEmpty()) {
                reporting = reporting.withResponsibleOwe(false);
            }
            current.tasks.add(new PlanTask(taskNumber, current.number, current.name, text, lead, responsible, deadline,
                    previous.flatMap(PlanTask::kpi), shortTitle, reporting, measures));
        }
        if (areas.isEmpty()) {
            throw new ConfigException(fileName, 0, "", "no tasks found; expected the 任务分解表 with tab-separated columns");
        }
        List<PlanArea> planAreas = areas.values().stream()
                .map(a -> new PlanArea(a.number, a.name, a.tasks)).toList();
        return new WorkPlan(header.year(), header.title(), header.document(), header.start(), header.deadline(), planAreas);
    }

    private List<String> units(String cell, String file, int line, String column) {
        List<String> out = new ArrayList<>();
        for (String name : UNIT_SEPARATOR.split(cell.strip())) {
            if (name.isEmpty()) {
                continue;
            }
            if (!org.knows(name)) {
                throw new ConfigException(file, line, column,
                        "unknown unit or unit group '" + name + "'; add it to config/organization.yaml");
            }
            out.add(name);
        }
        return out;
    }

    private static int parseInt(String s, String file, int line, String column) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(file, line, column, "expected a number, got '" + s + "'");
        }
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i).strip() : "";
    }

    private record Row(int line, List<String> cells) {
    }

    private static final class AreaBuilder {
        final int number;
        final String name;
        final List<PlanTask> tasks = new ArrayList<>();

        AreaBuilder(int number, String name) {
            this.number = number;
            this.name = name;
        }
    }

    /** Splits TSV into rows of cells; a cell in double quotes may hold tabs, line breaks and doubled quotes. */
    private static List<Row> rows(String fileName, String tsv) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean cellStart = true;
        String text = tsv.startsWith("\uFEFF") ? tsv.substring(1) : tsv;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else if (c == '\t') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
            } else if (c == '\n') {
                cells.add(cell.toString());
                rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                cellStart = true;
                line++;
                rowLine = line;
            } else if (c != '\r') {
                cell.append(c);
                cellStart = false;
            }
        }
        if (quoted) {
            throw new ConfigException(fileName, rowLine, "", "a quoted cell is not closed");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }
}
