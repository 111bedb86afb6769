package io.duban.bot.export;

import io.duban.bot.export.Ledger.Cell;
import io.duban.bot.export.Ledger.Column;
import io.duban.bot.export.Ledger.Sheet;
import io.duban.bot.metric.MetricService;
import io.duban.bot.metric.MetricTotal;
import io.duban.bot.milestone.MilestoneBook;
import io.duban.bot.milestone.TaskMilestone;
import io.duban.bot.problem.ConsultRule;
import io.duban.bot.problem.ProblemService;
import io.duban.bot.problem.ProblemSettings;
import io.duban.bot.report.ReportsAsOf;
import io.duban.bot.review.ReturnedReports;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.status.UnitPart;
import io.duban.config.ConfigDirectory;
import io.duban.plan.MetricDefinition;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.storage.Storage;
import io.duban.storage.model.ClosureAction;
import io.duban.storage.model.ClosureEvent;
import io.duban.storage.model.ProblemDecision;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReviewDecision;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the 台账 as it stood at a moment: the 任务分解表 with each task's progress, milestones, metric totals (one
 * column per metric) and open problems, the full report history, and a sheet per unit. Only rows made at or before that moment count (reports, review decisions, closure steps).
 */
public final class LedgerBuilder {
    public static final String MAIN_SHEET = "台账";
    public static final String HISTORY_SHEET = "报送历史";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TITLE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ConfigDirectory config;
    private final Storage storage;

    private final io.duban.bot.duty.DutyRules duty;

    /** @param duty the rules of the one "what is due" component (staleness in the task colours) */
    public LedgerBuilder(ConfigDirectory config, Storage storage, io.duban.bot.duty.DutyRules duty) {
        this.duty = duty;
        this.config = config;
        this.storage = storage;
    }

    public Ledger build(WorkPlan plan, Instant asOf) {
        ZoneId zone = config.settings().zone();
        Organization org = config.organization();
        ReportsAsOf snapshot = ReportsAsOf.of(storage.reports(), plan, asOf);
        Map<Long, ReportReview> reviews = new HashMap<>();
        storage.reviews().all(plan.year()).stream().filter(v -> !v.reviewedAt().isAfter(asOf))
                .forEach(v -> reviews.put(v.reportId(), v));
        Map<Integer, ClosureEvent> closure = new HashMap<>();
        storage.closures().all(plan.year()).stream().filter(e -> !e.at().isAfter(asOf))
                .forEach(e -> closure.put(e.taskNumber(), e));
        StatusBoard board = new StatusBoard(org, config.settings(), snapshot, Clock.fixed(asOf, zone),
                (year, task) -> closure.containsKey(task) && closure.get(task).action() == ClosureAction.APPROVED,
                ReturnedReports.asOf(storage.reviews(), asOf),
                duty)
                .withMilestones(storage.milestones());
        List<TaskStatus> statuses = board.tasks(plan);
        Measures measures = measures(plan, snapshot, board, asOf);
        Map<String, String> names = storage.people().all().stream()
                .collect(Collectors.toMap(Person::userId, Person::name, (a, b) -> a));
        Rows rows = new Rows(zone, reviews, names);

        List<Sheet> sheets = new ArrayList<>();
        sheets.add(mainSheet(statuses, closure, rows, measures));
        sheets.add(historySheet(snapshot, rows));
        for (String unit : org.units()) {
            List<TaskStatus> own = statuses.stream().filter(s -> org.isAssigned(s.task(), unit)).toList();
            if (!own.isEmpty()) {
                sheets.add(unitSheet(unit, own, rows, org));
            }
        }
        String title = plan.title() + " 推进台账（截至 " + asOf.atZone(zone).format(TITLE_DATE) + "）";
        return new Ledger(title, sheets);
    }

    /** Milestones, metric totals and problems as they stood at the ledger's moment (issue 15). */
    private record Measures(MilestoneBook milestones, StatusBoard board, WorkPlan plan, List<MetricTotal> metrics,
                            List<ProblemItem> open, List<ConsultRule.Flag> consult,
                            Map<Long, ProblemDecision> decisions) {
        String milestoneCell(TaskStatus s) {
            List<String> lines = new ArrayList<>();
            for (TaskMilestone m : milestones.of(s.task())) {
                boolean passed = m.milestone().date().isBefore(board.today());
                String state = m.met(s.percent()) ? "已达成" : passed ? "未达成" : "未到期";
                lines.add(m.milestone().label() + "（" + state + "）");
            }
            return String.join("\n", lines);
        }

        String openProblemsCell(TaskStatus s) {
            return open.stream().filter(p -> p.taskNumber() == s.task().number())
                    .map(p -> "问题" + p.id() + " " + p.unit() + "：" + p.text()
                            + (ConsultRule.of(consult, p.id()).isPresent() ? "（待会商）" : "")
                            + Optional.ofNullable(decisions.get(p.id())).map(d -> "（会商 " + d.meetingDate() + "："
                                    + d.decision() + "）").orElse(""))
                    .collect(Collectors.joining("\n"));
        }
    }

    private Measures measures(WorkPlan plan, ReportsAsOf snapshot, StatusBoard board, Instant asOf) {
        Clock at = Clock.fixed(asOf, config.settings().zone());
        List<MetricTotal> metrics = new MetricService(storage.metrics(), storage.reviews(), config.organization(), at)
                .totalsAsOf(plan, snapshot, asOf);
        ProblemService problems = new ProblemService(storage.problems(), storage.reviews(), ProblemSettings.from(config), at);
        return new Measures(board.milestones(plan), board, plan, metrics, problems.openAt(plan, asOf),
                problems.awaitingConsultation(plan, asOf), problems.decisions(plan, asOf));
    }

    private Sheet mainSheet(List<TaskStatus> statuses, Map<Integer, ClosureEvent> closure, Rows rows,
                            Measures measures) {
        List<Column> base = List.of(
                Column.of("序号", 6), Column.wrapped("工作要点", 12), Column.wrapped("具体任务", 44),
                Column.wrapped("牵头单位", 12), Column.wrapped("责任单位", 18), Column.of("状态", 7),
                Column.of("进度(%)", 9), Column.of("应有进度(%)", 12), Column.wrapped("状态说明", 20),
                Column.wrapped("最新进展", 36), Column.wrapped("存在问题", 28), Column.wrapped("下一步计划", 28),
                Column.of("报送日期", 12), Column.wrapped("报送人", 16), Column.wrapped("核查状态", 16),
                Column.wrapped("销号", 18), Column.of("截止日期", 12));
        List<Column> columns = new ArrayList<>(base);
        columns.add(Column.wrapped("时间节点", 28));
        for (MetricTotal m : measures.metrics()) {
            columns.add(Column.wrapped(m.definition().name() + "（" + m.definition().unit() + "）", 16));
        }
        columns.add(Column.wrapped("未解决问题", 32));
        List<List<Cell>> out = new ArrayList<>();
        for (TaskStatus s : statuses) {
            PlanTask t = s.task();
            Optional<ProgressReport> h = s.headline();
            List<Cell> row = new ArrayList<>(List.of(
                    Cell.number(t.number()), Cell.text(t.areaName()), Cell.text(t.text()),
                    Cell.text(String.join("、", t.leadUnits())), Cell.text(String.join("、", t.responsibleUnits())),
                    Cell.text(s.colour().label()).filled(s.colour()), Cell.number(s.percent()).filled(s.colour()),
                    Cell.number(s.expectedPercent()), Cell.text(s.reason()),
                    Cell.text(h.map(ProgressReport::progress).orElse("")),
                    Cell.text(h.map(ProgressReport::namedProblems).orElse("")),
                    Cell.text(h.map(ProgressReport::nextSteps).orElse("")),
                    Cell.text(h.map(r -> rows.date(r.reportedAt())).orElse("")),
                    Cell.text(h.map(rows::reporter).orElse("")),
                    Cell.text(reviewState(s, rows)),
                    Cell.text(closureState(closure.get(t.number()), rows)),
                    Cell.text(t.deadline().format(DATE))));
            row.add(Cell.text(measures.milestoneCell(s)));
            for (MetricTotal m : measures.metrics()) {
                row.add(Cell.text(m.task().number() == t.number() ? metricCell(m) : ""));
            }
            row.add(Cell.text(measures.openProblemsCell(s)));
            out.add(row);
        }
        return new Sheet(MAIN_SHEET, columns, out);
    }

    private Sheet historySheet(ReportsAsOf snapshot, Rows rows) {
        List<Column> columns = List.of(
                Column.of("记录号", 8), Column.of("任务", 6), Column.of("单位", 12), Column.of("类型", 6),
                Column.of("更正/撤回记录号", 15), Column.of("是否有效", 9), Column.of("状态", 8), Column.of("进度(%)", 9),
                Column.wrapped("进展", 36), Column.wrapped("问题", 28), Column.wrapped("下一步", 28),
                Column.of("援滇人数", 9), Column.of("疗休养总人数", 12), Column.of("报送周", 10),
                Column.of("报送时间", 17), Column.wrapped("报送人", 16), Column.wrapped("核查", 16));
        List<List<Cell>> out = new ArrayList<>();
        for (ProgressReport r : snapshot.rows()) {
            out.add(List.of(
                    Cell.number((int) r.id()), Cell.number(r.taskNumber()), Cell.text(r.unit()),
                    Cell.text(kind(r.kind())), Cell.number(r.supersedesId().map(Long::intValue).orElse(null)),
                    Cell.text(snapshot.isEffective(r) ? "有效" : "已被替代"),
                    Cell.text(r.status().map(st -> st.label()).orElse("")),
                    Cell.number(r.percent().isPresent() ? r.percent().getAsInt() : null),
                    Cell.text(r.progress()), Cell.text(r.namedProblems()), Cell.text(r.nextSteps()),
                    Cell.number(r.kpiNumerator().isPresent() ? r.kpiNumerator().getAsInt() : null),
                    Cell.number(r.kpiDenominator().isPresent() ? r.kpiDenominator().getAsInt() : null),
                    Cell.text(r.reportWeek()), Cell.text(rows.dateTime(r.reportedAt())),
                    Cell.text(rows.reporter(r)),
                    Cell.text(r.kind() == ReportKind.WITHDRAWAL ? "" : rows.review(r))));
        }
        return new Sheet(HISTORY_SHEET, columns, out);
    }

    /**
     * One unit's tasks. A task without its report reads 尚未报送 only when the unit owes one ({@link Organization#owes},
     * and the task's cadence asks for reports at all), as the chat's lists say; a unit that may contribute, but is
     * never asked, reads 暂无报送 (as in 我的任务's 参与的任务).
     */
    private Sheet unitSheet(String unit, List<TaskStatus> statuses, Rows rows, Organization org) {
        List<Column> columns = List.of(
                Column.of("序号", 6), Column.wrapped("具体任务", 50), Column.of("角色", 6), Column.of("任务状态", 9),
                Column.of("本单位进度(%)", 13), Column.wrapped("最新进展", 36), Column.wrapped("存在问题", 28),
                Column.wrapped("下一步计划", 28), Column.of("报送日期", 12), Column.wrapped("报送人", 16),
                Column.wrapped("核查状态", 16));
        List<List<Cell>> out = new ArrayList<>();
        for (TaskStatus s : statuses) {
            Optional<UnitPart> part = s.parts().stream().filter(p -> p.unit().equals(unit)).findFirst();
            Optional<ProgressReport> r = part.flatMap(UnitPart::latest);
            out.add(List.of(
                    Cell.number(s.task().number()), Cell.text(s.task().text()),
                    Cell.text(part.map(p -> p.lead() ? "牵头" : "责任").orElse("责任")),
                    Cell.text(s.colour().label()).filled(s.colour()),
                    Cell.number(r.filter(x -> x.percent().isPresent()).map(x -> x.percent().getAsInt()).orElse(null)),
                    Cell.text(r.map(ProgressReport::progress).orElse("")),
                    Cell.text(r.map(ProgressReport::namedProblems).orElse("")),
                    Cell.text(r.map(ProgressReport::nextSteps).orElse("")),
                    Cell.text(r.map(x -> rows.date(x.reportedAt())).orElse(
                            part.filter(UnitPart::isReturned).isPresent() ? "已退回待重报"
                                    : s.task().cadence().expectsReports() && org.owes(s.task(), unit) ? "尚未报送"
                                    : "暂无报送")),
                    Cell.text(r.map(rows::reporter).orElse("")),
                    Cell.text(part.flatMap(UnitPart::returned).map(x -> rows.review(x) + "（待重报）")
                            .orElse(r.map(rows::review).orElse("—")))));
        }
        return new Sheet(sheetName(unit), columns, out);
    }

    /** The headline report's review, then each report the office returned and the unit has not yet replaced. */
    private static String reviewState(TaskStatus s, Rows rows) {
        List<String> parts = new ArrayList<>();
        s.headline().ifPresent(r -> parts.add(rows.review(r)));
        for (UnitPart p : s.returned()) {
            parts.add(p.unit() + rows.review(p.returned().orElseThrow()) + "（待重报）");
        }
        return parts.isEmpty() ? "—" : String.join("；", parts);
    }

    /** {@code 22.75/50（46%）}, {@code 22.75（未设目标）}. */
    private static String metricCell(MetricTotal m) {
        String total = MetricDefinition.format(m.total());
        return m.definition().target()
                .map(t -> total + "/" + MetricDefinition.format(t) + "（" + Math.round(100.0 * m.total() / t) + "%）")
                .orElse(total + "（未设目标）");
    }

    private static String closureState(ClosureEvent e, Rows rows) {
        if (e == null) {
            return "";
        }
        return switch (e.action()) {
            case APPROVED -> "已销号（" + rows.date(e.at()) + "）";
            case REQUESTED -> "已申请办结，待审核";
            case RETURNED -> "办结申请被退回";
        };
    }

    private static String kind(ReportKind k) {
        return switch (k) {
            case REPORT -> "报送";
            case CORRECTION -> "更正";
            case WITHDRAWAL -> "撤回";
        };
    }

    /** Excel sheet names: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String unit) {
        String s = unit.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    /** Formatting shared by the sheets. */
    private record Rows(ZoneId zone, Map<Long, ReportReview> reviews, Map<String, String> names) {
        String date(Instant at) {
            return at.atZone(zone).format(DATE);
        }

        String dateTime(Instant at) {
            return at.atZone(zone).format(DATE_TIME);
        }

        String reporter(ProgressReport r) {
            return names.getOrDefault(r.reporterId(), r.reporterId()) + "（" + r.unit() + "）";
        }

        String review(ProgressReport r) {
            ReportReview v = reviews.get(r.id());
            if (v == null) {
                return "待核查";
            }
            return v.decision() == ReviewDecision.PASSED ? "已通过（" + date(v.reviewedAt()) + "）"
                    : "已退回：" + v.reason();
        }
    }
}
