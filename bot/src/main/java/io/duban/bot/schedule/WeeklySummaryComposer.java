package io.duban.bot.schedule;

import io.duban.bot.answer.StatusLines;
import io.duban.bot.status.AcceptedReports;
import io.duban.bot.status.Colour;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.status.WeekTally;
import io.duban.bot.text.Screen;
import io.duban.bot.text.ShortTitles;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.ProgressReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Monday's digest of last week for the leaders' group: at most {@value #MAX_LINES} lines (the counts by colour,
 * the red tasks one line each with the reason, the top three open problems, the units that did not report, one
 * line on how to ask for more), in WeCom markdown, followed by the weekly chart as an image in the same chat.
 * Every figure comes from the lead's {@link StatusBoard} over the accepted reports, as 进度, 问题 and 未报送 show.
 */
final class WeeklySummaryComposer implements Composer {
    static final int MAX_LINES = 10;
    /** Red tasks listed one line each; more than this and the last line says how many more. */
    static final int MAX_RED = 3;
    static final int TOP_PROBLEMS = 3;
    /** Units named in the line on who did not report; the rest are counted. */
    private static final int MAX_UNITS = 4;
    private static final int REASON_CHARS = 22;
    private static final int PROBLEM_CHARS = 18;

    private final RhythmContext ctx;
    private final DayShifter shifter;

    WeeklySummaryComposer(RhythmContext ctx, DayShifter shifter) {
        this.ctx = ctx;
        this.shifter = shifter;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        IsoWeek week = IsoWeek.of(run.nominalDate()).previous();   // the run's period
        if (week.sunday().isBefore(ctx.plan().start()) || week.monday().isAfter(ctx.plan().deadline())) {
            return List.of();
        }
        Instant at = run.at().toInstant();
        String text = text(week, run.at().toLocalDate(), at);
        byte[] chart = ctx.chart().renderWeeklyPng(ctx.plan(), at);
        List<OutboundMessage> out = new ArrayList<>();
        for (String chat : Recipients.load(ctx.storage()).leaderChats()) {
            out.add(OutboundMessage.markdown(Address.group(chat), text, run.dedupeKey(chat)));
            out.add(OutboundMessage.image(Address.group(chat), chart, run.dedupeKey(chat) + ":chart"));
        }
        return out;
    }

    String text(IsoWeek week, LocalDate day, Instant at) {
        StatusBoard board = ctx.board(at);
        AcceptedReports accepted = board.accepted(ctx.plan());
        List<TaskStatus> all = board.tasks(ctx.plan(), accepted);
        List<String> lines = new ArrayList<>();
        lines.add("**【督办周报】" + week.label() + "**");
        long yellow = StatusLines.count(all, Colour.YELLOW);
        lines.add("共 " + all.size() + " 项：<font color=\"warning\">红 " + StatusLines.count(all, Colour.RED)
                + "</font> · <font color=\"comment\">黄 " + yellow + "</font> · <font color=\"info\">绿 "
                + StatusLines.count(all, Colour.GREEN) + "</font>，平均 " + StatusLines.average(all) + "%");

        String consult = ConsultLines.block(ctx.awaitingConsultation(at), ctx);
        if (!consult.isEmpty()) {
            // one phone screen: the heading, the oldest item, and where the full list is
            List<String> block = consult.stripTrailing().lines().toList();
            lines.add(block.get(0));
            List<String> items = block.stream().filter(l -> l.startsWith("·")).toList();
            if (!items.isEmpty()) {
                lines.add(Screen.cut(items.get(0), REASON_CHARS * 2));
            }
            if (items.size() > 1) {
                block.stream().filter(l -> l.startsWith("全部列表")).findFirst()
                        .ifPresent(l -> lines.add("另有 " + (items.size() - 1) + " 个，" + l));
            }
        }
        List<TaskStatus> red = all.stream().filter(s -> s.colour() == Colour.RED).toList();
        int shownRed = red.size() > MAX_RED ? MAX_RED - 1 : red.size();
        for (TaskStatus s : red.subList(0, shownRed)) {
            lines.add("🔴 " + s.task().number() + " " + ShortTitles.of(s.task()) + "：" + Screen.cut(s.reason(),
                    REASON_CHARS));
        }
        if (red.size() > shownRed) {
            lines.add("🔴 另有 " + (red.size() - shownRed) + " 项红灯：" + red.subList(shownRed, red.size()).stream()
                    .map(s -> String.valueOf(s.task().number())).collect(Collectors.joining("、")));
        }

        List<ProgressReport> problems = board.openProblems(ctx.plan(), accepted);
        for (ProgressReport r : problems.subList(0, Math.min(TOP_PROBLEMS, problems.size()))) {
            lines.add("❓ " + r.taskNumber() + " " + r.unit() + "：" + Screen.cut(ctx.quote(r.problems()),
                    PROBLEM_CHARS));
        }

        WeekTally last = board.tally(ctx.plan(), week.reportingWeek(), accepted);
        WeekTally before = board.tally(ctx.plan(), week.previous().reportingWeek(), accepted);
        List<String> silent = last.silent();
        String overdue = silent.isEmpty() ? "上周各单位均有报送" : "上周未报送 " + silent.size() + " 个：" + silent.stream()
                .limit(MAX_UNITS).map(u -> before.silent().contains(u) && reportingWeek(week.previous()) ? u + "（连续 2 周）" : u)
                .collect(Collectors.joining("、")) + (silent.size() > MAX_UNITS ? " 等" : "");
        lines.add(overdue + "；" + last.complete() + "/" + last.units().size() + " 个已报齐");
        lines.add("更多请发：进度｜问题" + (problems.size() > TOP_PROBLEMS ? "（共 " + problems.size() + " 条）" : "")
                + "｜未报送｜任务 " + (!red.isEmpty() ? red.get(0).task().number()
                        : problems.isEmpty() ? 12 : problems.get(0).taskNumber()));
        return String.join("\n", lines);
    }

    /** A week in which units were asked to report: it has working days and lies in the plan. */
    private boolean reportingWeek(IsoWeek w) {
        return !shifter.calendar().workingDaysOfWeek(w.monday()).isEmpty()
                && !w.sunday().isBefore(ctx.plan().start()) && !w.monday().isAfter(ctx.plan().deadline());
    }
}
