package io.duban.bot.schedule;

import io.duban.bot.duty.Due;
import io.duban.plan.Cadence;
import io.duban.storage.model.ProgressReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The texts that ask a unit for what is due from it: one line per due task (short title, period when not weekly,
 * last figure) and one example reply that covers all of them, one task per line, with "无变化" for a task without
 * news. The Thursday prompt, the private nudge and the group reminder all use these lines.
 */
final class DueTexts {
    /** A due report with the unit's last report on the task. */
    record Item(Due due, Optional<ProgressReport> last) {
    }

    private DueTexts() {
    }

    /** {@code · 12 推动产业发展：上次 60%（第41周）}, {@code · 7 援外干部管理（10月）：尚无报送}. */
    static String line(Item item) {
        Due d = item.due();
        String period = d.task().cadence().kind() == Cadence.Kind.WEEKLY ? "" : "（" + d.period().label() + "）";
        return "· " + d.task().label() + period + "：" + last(item.last());
    }

    /** Most tasks listed one per line; beyond this, two per line, so that the prompt stays on one screen. */
    static final int ONE_PER_LINE = 6;

    /** The list of due tasks: one per line, or two per line when there are more than {@link #ONE_PER_LINE}. */
    static List<String> lines(List<Item> items) {
        List<String> out = new ArrayList<>();
        if (items.size() <= ONE_PER_LINE) {
            items.forEach(i -> out.add(line(i)));
            return out;
        }
        for (int i = 0; i < items.size(); i += 2) {
            out.add(line(items.get(i)) + (i + 1 < items.size() ? "　" + line(items.get(i + 1)) : ""));
        }
        return out;
    }

    static String last(Optional<ProgressReport> report) {
        if (report.isEmpty()) {
            return "尚无报送";
        }
        ProgressReport r = report.get();
        String p = r.percent().isPresent() ? r.percent().getAsInt() + "%" : "未填进度";
        return "上次 " + p + "（" + weekOf(r.reportWeek()) + "）";
    }

    /**
     * One example reply covering every due task, one per line: the first with percent and fields, the second
     * "无变化", the rest with a percent. {@code mention} starts the first line ({@code @督办助手 } in a group, empty
     * in a private chat).
     */
    static List<String> example(List<Item> items, String mention) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int n = items.get(i).due().task().number();
            if (i == 0) {
                out.add(mention + n + " 60% 本周进展；问题：…；下一步：…");
            } else if (i == 1) {
                out.add(n + " 无变化");
            } else {
                out.add(n + " 50% 进展…");
            }
        }
        if (out.isEmpty()) {
            out.add(mention + "12 60% 本周进展；问题：…；下一步：…");
        }
        return out;
    }

    /** The howto line before the example. */
    static String howTo(int count) {
        return count > 1 ? "一条消息即可，每项一行，没有新进展的写“无变化”（都没有新进展只回“无变化”），例如："
                : "回复格式如下，没有新进展可只回“无变化”：";
    }

    /** {@code 12 推动产业发展、15 促进农特产品销售}. */
    static String labels(List<Item> items) {
        return items.stream().map(i -> i.due().task().label()).collect(Collectors.joining("、"));
    }

    private static String weekOf(String key) {
        int i = key.indexOf("-W");
        return i < 0 ? key : "第" + Integer.parseInt(key.substring(i + 2)) + "周";
    }
}
