package io.duban.bot.answer;

import io.duban.bot.status.Colour;
import io.duban.bot.status.Figures;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.text.ShortTitles;
import java.util.List;

/** One-line forms of a task's status shared by every answer, digest and 通报, so that they read the same. */
public final class StatusLines {
    private StatusLines() {
    }

    /**
     * {@code 🔴 12 产业协作：农管科 60%｜集指科 30%；集指科受阻：资金未到位}. When the reason starts with the figure the
     * line already shows ({@code 进度 25%，落后于应有进度 47%} after {@code 25%}), the figure is not said twice:
     * {@code 🟡 7 援外干部管理：25%，落后于应有进度 47%}.
     */
    public static String task(TaskStatus s) {
        String headline = Figures.headline(s);
        String reason = s.reason();
        if (headline.equals(Figures.NO_REPORT)) { // not "暂无报送；尚无报送"
            reason = reason.replaceFirst("，?尚无报送$", "");
        }
        String repeated = "进度 " + headline + "，";
        String rest = reason.isEmpty() ? "" : reason.startsWith(repeated) ? "，" + reason.substring(repeated.length())
                : "；" + reason;
        return s.colour().symbol() + " " + s.task().number() + " " + ShortTitles.of(s.task()) + "：" + headline + rest;
    }

    /** {@code 🔴2 🟡3 🟢14}. */
    public static String counts(List<TaskStatus> tasks) {
        return Colour.RED.symbol() + count(tasks, Colour.RED) + " " + Colour.YELLOW.symbol()
                + count(tasks, Colour.YELLOW) + " " + Colour.GREEN.symbol() + count(tasks, Colour.GREEN);
    }

    /** {@code 红 2 · 黄 3 · 绿 14}: the counts in words, for plain text where symbols may not show. */
    public static String countsInWords(List<TaskStatus> tasks) {
        return "红 " + count(tasks, Colour.RED) + " · 黄 " + count(tasks, Colour.YELLOW) + " · 绿 "
                + count(tasks, Colour.GREEN);
    }

    public static long count(List<TaskStatus> tasks, Colour c) {
        return tasks.stream().filter(s -> s.colour() == c).count();
    }

    /** Average of the headline percents (closed = 100). */
    public static long average(List<TaskStatus> tasks) {
        return Math.round(tasks.stream().mapToInt(s -> s.closed() ? 100 : s.percent()).average().orElse(0));
    }

    /** Red first, then yellow, in plan order. */
    public static List<TaskStatus> attention(List<TaskStatus> tasks) {
        return java.util.stream.Stream.concat(
                tasks.stream().filter(s -> s.colour() == Colour.RED),
                tasks.stream().filter(s -> s.colour() == Colour.YELLOW)).toList();
    }
}
