package io.duban.bot.command;

import io.duban.bot.report.TaskReference;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a leader means by a question that is not a command word: {@code 12}, {@code 12？}, {@code 任务十二怎么样},
 * {@code 农管科}, {@code 集指科报了吗}, {@code 哪些单位没报}, {@code 进度怎么样了}. Read only for leaders and admins and only for asking:
 * the result is a command text ({@code 任务 12}, {@code 单位 农管科}, {@code 未报送}, {@code 进度}), never a report.
 */
public final class LeaderQuestions {
    private static final Pattern MISSING = Pattern.compile("没报|未报|没交|未交|谁没|没有报|还没报|欠报|漏报");
    private static final Pattern PROBLEMS = Pattern.compile("问题|困难|卡点");
    private static final Pattern OVERVIEW = Pattern.compile("进度|进展|情况|怎么样|总体|整体|汇总|红灯|黄灯|亮灯|落后|滞后|慢了");

    private LeaderQuestions() {
    }

    /** The command text the question stands for, or empty when it is not a question a leader asks. */
    public static Optional<String> read(String text, List<String> units) {
        String t = text.strip();
        // the task references reports use (12, 任务十二, 第12项, 十二号任务), then only asking words
        Optional<TaskReference> task = TaskReference.at(t, TaskReference.Position.MESSAGE_START);
        if (task.isPresent() && task.get().numbers().size() == 1 && AskingWords.only(t.substring(task.get().end()))) {
            return Optional.of("任务 " + task.get().number());
        }
        for (String unit : units) {
            if (t.startsWith(unit) && AskingWords.only(t.substring(unit.length()))) {
                return Optional.of("单位 " + unit);
            }
        }
        if (t.length() > 20 || t.chars().anyMatch(Character::isDigit)) {
            return Optional.empty(); // a sentence or a figure: not a short question to guess at
        }
        if (MISSING.matcher(t).find()) {
            return Optional.of("未报送");
        }
        if (PROBLEMS.matcher(t).find()) {
            return Optional.of("问题");
        }
        if (OVERVIEW.matcher(t).find()) {
            return Optional.of("进度");
        }
        return Optional.empty();
    }
}
