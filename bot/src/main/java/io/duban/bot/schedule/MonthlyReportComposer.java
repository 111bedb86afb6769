package io.duban.bot.schedule;

import io.duban.bot.answer.StatusLines;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.status.AcceptedReports;
import io.duban.bot.metric.MetricTotal;
import io.duban.plan.PlanTask;
import io.duban.bot.status.Colour;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.text.Screen;
import io.duban.bot.text.ShortTitles;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.ProgressReport;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly 通报 into the leaders' group, split into sections that each fit a phone screen: problems waiting
 * for a consultation (待会商) first, then the overview (completion rate, counts by colour, overdue tasks), the red and
 * yellow tasks, the metrics' running totals, and each unit's reporting rate over what was due from it this month.
 * The same day the office's group chat gets the 台账 workbook as a file.
 */
final class MonthlyReportComposer implements Composer {
    private final RhythmContext ctx;
    private final DayShifter shifter;

    MonthlyReportComposer(RhythmContext ctx, DayShifter shifter) {
        this.ctx = ctx;
        this.shifter = shifter;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        Instant at = run.at().toInstant();
        LocalDate day = run.at().toLocalDate();
        List<String> sections = sections(YearMonth.parse(run.period()), day, at);
        Recipients to = Recipients.load(ctx.storage());
        List<OutboundMessage> out = new ArrayList<>();
        for (String chat : to.leaderChats()) {
            for (int i = 0; i < sections.size(); i++) {
                out.add(OutboundMessage.markdown(Address.group(chat), sections.get(i),
                        i == 0 ? run.dedupeKey(chat) : run.dedupeKey(chat) + "#" + (i + 1)));
            }
        }
        List<String> office = officeChats(to);
        if (!office.isEmpty()) {
            byte[] workbook = ctx.ledger().xlsx(ctx.plan(), at);
            String name = LedgerExport.fileName(day, Optional.empty());
            for (String chat : office) {
                out.add(OutboundMessage.file(Address.group(chat), name, workbook, run.dedupeKey(chat) + ":ledger"));
            }
        }
        return out;
    }

    /** The office's group chats: those of the units the admins belong to. */
    private List<String> officeChats(Recipients to) {
        Set<String> units = new java.util.LinkedHashSet<>();
        ctx.storage().people().all().stream().filter(p -> p.role() == io.duban.roster.Role.ADMIN)
                .forEach(p -> units.add(p.unit()));
        List<String> out = new ArrayList<>();
        units.stream().filter(ctx.org()::isUnit).forEach(u -> out.addAll(to.unitChats(u)));
        return out;
    }

    /** The whole 通报 as one text (the sections joined), e.g. for a preview. */
    String text(YearMonth month, LocalDate day, Instant at) {
        return String.join("\n\n", sections(month, day, at));
    }

    /** The 通报's messages in order, each within one screen. */
    List<String> sections(YearMonth month, LocalDate day, Instant at) {
        StatusBoard board = ctx.board(at);
        AcceptedReports accepted = board.accepted(ctx.plan());
        List<TaskStatus> all = board.tasks(ctx.plan(), accepted);
        String title = "【月度通报】" + month.getYear() + "年" + month.getMonthValue() + "月（截至" + Texts.monthDay(day) + "）";

        List<List<String>> parts = new ArrayList<>();
        String consult = ConsultLines.block(ctx.awaitingConsultation(at), ctx);
        if (!consult.isEmpty()) {
            parts.add(List.of(consult.stripTrailing().split("\n")));
        }
        List<String> overview = new ArrayList<>();
        long done = all.stream().filter(s -> s.closed() || s.reason().startsWith("已完成")).count();
        overview.add("完成率：已完成 " + done + " 项／共 " + all.size() + " 项（" + pct(done, all.size()) + "）");
        overview.add("共 " + all.size() + " 项：<font color=\"warning\">红 " + StatusLines.count(all, Colour.RED)
                + "</font> · <font color=\"comment\">黄 " + StatusLines.count(all, Colour.YELLOW)
                + "</font> · <font color=\"info\">绿 " + StatusLines.count(all, Colour.GREEN) + "</font>，平均 "
                + StatusLines.average(all) + "%");
        List<TaskStatus> overdue = all.stream().filter(s -> !s.closed() && s.daysToDeadline() < 0
                && !s.reason().startsWith("已完成")).toList();
        overview.add("逾期任务：" + (overdue.isEmpty() ? "无" : overdue.size() + " 项"));
        for (TaskStatus s : overdue) {
            overview.add("· " + s.task().number() + " " + ShortTitles.of(s.task()) + "（"
                    + String.join("、", s.task().leadUnits()) + "牵头）已逾期 " + (-s.daysToDeadline()) + " 天，进度 "
                    + s.percent() + "%");
        }
        List<ProgressReport> returned = accepted.awaitingResubmission();
        if (!returned.isEmpty()) {
            overview.add("已退回待重报 " + returned.size() + " 条（不计入进度）");
        }
        parts.add(overview);

        List<TaskStatus> attention = StatusLines.attention(all);
        if (!attention.isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("**需关注（红灯、黄灯 " + attention.size() + " 项）**");
            attention.forEach(s -> lines.add(StatusLines.task(s)));
            parts.add(lines);
        }

        List<PlanTask> openTasks = ctx.openTasks(day);
        List<MetricTotal> metrics = ctx.metricTotals(at).stream().filter(m -> openTasks.contains(m.task())).toList();
        if (!metrics.isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("**工作指标**");
            for (MetricTotal m : metrics) {
                lines.add(m.task().number() + ". " + m.line());
            }
            parts.add(lines);
        }

        // Each unit's rate over the reports due from it this month under each task's cadence (one truth: the due
        // component, reading the accepted reports), counted up to the run day.
        io.duban.bot.duty.DueCalculator due = ctx.due();
        io.duban.bot.duty.ReportFacts facts = ctx.facts(at);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth().isBefore(day) ? month.atEndOfMonth() : day;
        io.duban.bot.duty.ReportingRate total = new io.duban.bot.duty.ReportingRate(0, 0);
        List<String> rates = new ArrayList<>();
        for (String unit : ctx.reportingUnits(day)) {
            io.duban.bot.duty.ReportingRate r = due.rate(unit, first, last, day, facts);
            if (r.owed() == 0) {
                continue;
            }
            total = total.plus(r);
            rates.add(unit + " " + r.label());
        }
        rates.add(0, "**各单位报送率（本月应报 " + total.owed() + " 份，按时 " + total.covered() + " 份）**");
        parts.add(rates);

        List<List<String>> screens = new ArrayList<>();
        for (List<String> part : parts) {
            screens.addAll(fit(part));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < screens.size(); i++) {
            String head = "**" + title + " " + (i + 1) + "/" + screens.size() + "**";
            out.add(head + "\n" + String.join("\n", screens.get(i)));
        }
        return out;
    }

    /** Splits a section's lines into screens, leaving room for the heading line. */
    private static List<List<String>> fit(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int chars = 0;
        int room = Screen.MAX_CHARS - 40;
        for (String line : lines) {
            int c = Screen.chars(line) + 1;
            if (!current.isEmpty() && (current.size() + 1 >= Screen.MAX_LINES || chars + c > room)) {
                out.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(line);
            chars += c;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static String pct(long a, long b) {
        return b == 0 ? "—" : String.format(Locale.ROOT, "%.0f%%", a * 100.0 / b);
    }
}
