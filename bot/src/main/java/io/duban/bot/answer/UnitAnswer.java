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

/**
 * {@code 我的任务} / {@code 单位 农管科}: one line per task about the unit's own part, marked by the unit's own state
 * (✅ reported this week, ⏳ not yet, ↩️ returned), never by the task's colour, which follows in words when it is
 * not green. Paged.
 */
public final class UnitAnswer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private UnitAnswer() {
    }

    public static String render(String unit, List<TaskStatus> tasks, ReportingWeek week, ZoneId zone,
                                String moreCommand, int page) {
        List<String> items = new ArrayList<>();
        int done = 0;
        for (TaskStatus s : tasks) {
            UnitPart part = s.parts().stream().filter(p -> p.unit().equals(unit)).findFirst().orElseThrow();
            boolean thisWeek = part.latest().filter(r -> r.reportWeek().equals(week.toString())).isPresent()
                    && !part.isReturned();
            if (thisWeek) {
                done++;
            }
            String mark = part.isReturned() ? "↩️" : thisWeek ? "✅" : "⏳";
            StringBuilder line = new StringBuilder(mark).append(part.lead() ? " ★任务 " : " 任务 ").append(s.task().number())
                    .append(" ").append(ShortTitles.of(s.task())).append("：");
            if (part.isReturned()) {
                line.append("已退回，待重报");
            } else if (part.latest().isEmpty()) {
                line.append("尚未报送");
            } else {
                ProgressReport r = part.latest().get();
                line.append(r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—")
                        .append(thisWeek ? "（本周已报）" : "（" + r.reportedAt().atZone(zone).format(DAY) + "）");
            }
            if (s.colour() != Colour.GREEN) {
                line.append("｜任务").append(s.colour().label()).append("灯");
            }
            items.add(line.toString());
        }
        String head = "【" + unit + "】" + tasks.size() + " 项任务（★牵头），本周已报 " + done + " 项";
        return Screen.page(head, items, "报送示例：12 60% 本周进展；问题：…", moreCommand, page);
    }
}
