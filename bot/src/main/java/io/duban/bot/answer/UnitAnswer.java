package io.duban.bot.answer;

import io.duban.bot.report.ReportingWeek;
import io.duban.bot.status.Colour;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.status.UnitPart;
import io.duban.bot.text.Screen;
import io.duban.bot.text.ShortTitles;
import io.duban.storage.model.ProgressReport;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import io.duban.plan.PlanTask;

/**
 * {@code 我的任务} / {@code 单位 农管科}: one line per task about the unit's own part, marked by the unit's own state
 * (✅ reported this week, ⏳ due this week and not yet reported, · nothing due now, ↩️ returned: an hourglass on a
 * task that needs no report this week would ask for what is not due), never by the task's colour, which follows in words when it is
 * not green. Paged.
 */
public final class UnitAnswer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private UnitAnswer() {
    }

    /**
     * @param owes   whether the unit owes reports on a task (else it only contributes: listed in one line unless it
     *               has reported)
     * @param dueNow the tasks the unit still owes this week ({@link io.duban.bot.duty.DueCalculator})
     */
    public static String render(String unit, List<TaskStatus> tasks, ReportingWeek week, ZoneId zone,
                                Predicate<PlanTask> owes, Set<Integer> dueNow, String moreCommand, int page) {
        List<String> items = new ArrayList<>();
        List<Integer> quiet = new ArrayList<>();
        int done = 0;
        // the tasks the unit owes first, then what it contributed; contributions it has not made are one line
        List<TaskStatus> ordered = new ArrayList<>(tasks.stream().filter(s -> owes.test(s.task())).toList());
        ordered.addAll(tasks.stream().filter(s -> !owes.test(s.task())).toList());
        for (TaskStatus s : ordered) {
            UnitPart part = s.parts().stream().filter(p -> p.unit().equals(unit)).findFirst().orElseThrow();
            boolean owing = owes.test(s.task());
            if (!owing && part.latest().isEmpty() && !part.isReturned()) {
                quiet.add(s.task().number());
                continue;
            }
            boolean thisWeek = part.latest().filter(r -> r.reportWeek().equals(week.toString())).isPresent()
                    && !part.isReturned();
            if (thisWeek) {
                done++;
            }
            String mark = part.isReturned() ? "↩️" : thisWeek ? "✅" : dueNow.contains(s.task().number()) ? "⏳" : "·";
            StringBuilder line = new StringBuilder(mark).append(part.lead() ? " ★任务 " : " 任务 ").append(s.task().number())
                    .append(" ").append(ShortTitles.of(s.task())).append("：");
            if (part.isReturned()) {
                line.append("已退回，待重报");
            } else if (part.latest().isEmpty()) {
                line.append(s.task().cadence().expectsReports() ? "尚未报送" : "暂无报送");
            } else {
                ProgressReport r = part.latest().get();
                line.append(r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—")
                        .append(thisWeek ? "（本周已报）" : "（" + r.reportedAt().atZone(zone).format(DAY) + "）");
            }
            line.append(dueNow.contains(s.task().number()) ? "｜本周应报"
                    : owing ? "｜" + s.task().cadence().label() : "｜参与");
            if (s.colour() != Colour.GREEN) {
                line.append("｜任务").append(s.colour().label()).append("灯");
            }
            items.add(line.toString());
        }
        if (!quiet.isEmpty()) {
            items.add("参与的任务（可随时补充，不催报）：" + quiet.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("、")));
        }
        String head = "【" + unit + "】" + tasks.size() + " 项任务（★牵头；本周应报 " + dueNow.size() + " 项），本周已报 "
                + done + " 项";
        // the example names a task of this unit: one due now, else the first it owes, else its first
        int example = dueNow.stream().sorted().findFirst().orElse(ordered.isEmpty() ? 12
                : ordered.get(0).task().number());
        return Screen.page(head, items, "报送示例：" + example + " 60% 本周进展；问题：…", moreCommand, page);
    }
}
