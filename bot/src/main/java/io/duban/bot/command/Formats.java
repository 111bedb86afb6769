package io.duban.bot.command;

import io.duban.bot.status.TaskStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small formatting helpers shared by the query commands. */
final class Formats {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private Formats() {
    }

    static String day(Instant at, ZoneId zone) {
        return at.atZone(zone).format(DAY);
    }

    static String dayTime(Instant at, ZoneId zone) {
        return at.atZone(zone).format(DAY_TIME);
    }

    /** {@code 🟡 任务 12（45%）落后于应有进度 62%}. */
    static String taskLine(TaskStatus s, int textChars) {
        return s.colour().symbol() + " 任务 " + s.task().number() + " " + s.task().shortText(textChars)
                + "（" + s.percent() + "%）" + s.reason();
    }

    static String deadline(TaskStatus s) {
        if (s.closed()) {
            return "已销号";
        }
        return s.daysToDeadline() >= 0 ? "距截止 " + s.daysToDeadline() + " 天" : "已逾期 " + (-s.daysToDeadline()) + " 天";
    }
}
