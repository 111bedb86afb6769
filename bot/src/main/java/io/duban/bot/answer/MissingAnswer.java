package io.duban.bot.answer;

import io.duban.bot.report.ReportingWeek;
import io.duban.bot.status.WeekTally;
import io.duban.bot.text.Screen;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code 未报送 [页]}: the week's tally, then each unit still owing, with its tasks; paged. */
public final class MissingAnswer {
    private MissingAnswer() {
    }

    public static String render(ReportingWeek week, WeekTally tally, int page) {
        String head = "本周（" + week.span() + "）" + tally.summary();
        if (tally.owing().isEmpty()) {
            return head + "，均已报齐。";
        }
        List<String> items = new ArrayList<>();
        tally.owing().forEach((unit, tasks) -> items.add("· " + unit + "（任务 "
                + tasks.stream().map(String::valueOf).collect(Collectors.joining("、")) + "）"));
        return Screen.page(head + "；尚未报齐 " + tally.owing().size() + " 个：", items, "", "未报送", page);
    }
}
