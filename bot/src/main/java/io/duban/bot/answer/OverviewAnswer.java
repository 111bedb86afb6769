package io.duban.bot.answer;

import io.duban.bot.status.TaskStatus;
import io.duban.bot.text.Screen;
import io.duban.plan.PlanArea;
import io.duban.plan.WorkPlan;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** {@code 进度 [页]}: counts, then red and yellow tasks one line each, then each area's counts; paged. */
public final class OverviewAnswer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private OverviewAnswer() {
    }

    public static String render(WorkPlan plan, List<TaskStatus> all, LocalDate today, int page) {
        String head = "【进度】" + today.format(DAY) + "，距年底截止 " + ChronoUnit.DAYS.between(today, plan.deadline())
                + " 天\n共 " + all.size() + " 项 " + StatusLines.counts(all) + "，平均 " + StatusLines.average(all) + "%";
        List<String> items = new ArrayList<>();
        List<TaskStatus> attention = StatusLines.attention(all);
        if (attention.isEmpty()) {
            items.add("没有红灯、黄灯任务。");
        }
        attention.forEach(s -> items.add(StatusLines.task(s)));
        for (PlanArea area : plan.areas()) {
            List<TaskStatus> inArea = all.stream().filter(s -> s.task().areaNumber() == area.number()).toList();
            items.add(area.number() + " " + area.name() + "：" + StatusLines.counts(inArea));
        }
        return Screen.page(head, items, "详情请发：任务 12｜问题｜未报送", "进度", page);
    }
}
