package io.duban.bot.report;

import io.duban.bot.text.UserText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a part of a message cannot be stored, in words, each with a correct example built from the person's own
 * words ({@code rest}). {@link PartReader} decides; this class only words it.
 */
final class PartProblems {
    /** {@code 12.65%}: a task number, a full stop used as a separator, and a percent. */
    private static final Pattern TASK_DOT_PERCENT = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\s*[%％]");

    /** User text quoted in an explanation, at most. */
    static final int QUOTE = 30;

    private PartProblems() {
    }

    static String twoTasksOnALine(int task, String other) {
        return "这一行像是写了两项任务（" + task + " 和 " + other + "），暂未记录，以免混在一起。"
                + "请分行写，或用“；”隔开，例如：" + task + " 60% 本周进展；" + other + " 40% 本周进展";
    }

    static String notACount(String label) {
        return "“" + label + "”应为人数（整数），例如：17 40% 援滇人数：12；疗休养总人数：80";
    }

    static String range(String range, OptionalInt task, String rest) {
        return "进度“" + UserText.escape(range, QUOTE) + "”是一个范围，请写一个百分比，例如：" + example(task, rest);
    }

    static String twoStatuses(List<String> statusWords, OptionalInt task, String rest) {
        return "状态写了“" + String.join("”和“", statusWords) + "”两种，请只写一种，例如："
                + task(task) + " 60% 推进中 " + words(rest);
    }

    static String severalPercents(List<String> shown, OptionalInt task) {
        return "这条报送里有 " + shown.size() + " 个百分数（" + String.join("、", shown) + "），"
                + "看不出哪个是任务" + (task.isPresent() ? " " + task.getAsInt() + " " : "") + "的总体进度，暂未记录。"
                + "请把总体进度写在任务编号后面，其他百分数写在进展里，例如：" + task(task) + " "
                + shown.get(shown.size() - 1) + " 本周进展";
    }

    static String negative(PercentMention m, OptionalInt task, String rest) {
        return "进度“" + m.written().strip() + "”无法识别：进度不能为负数，应为 0 到 100 之间的整数，例如："
                + example(task, rest);
    }

    /** {@code 0.6} without a percent sign: 0.6% or 60%? */
    static String fraction(PercentMention m, OptionalInt task, String rest) {
        return "“" + UserText.escape(m.written().strip(), QUOTE) + "”是小数，看不出是 "
                + m.display() + " 还是 " + m.value().movePointRight(2).stripTrailingZeros().toPlainString()
                + "%，暂未记录。请写百分比，例如：" + task(task) + " "
                + m.value().movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "% " + words(rest);
    }

    static String decimal(PercentMention m, OptionalInt task, String rest) {
        Matcher taskDotPercent = TASK_DOT_PERCENT.matcher(m.written().strip());
        if (task.isEmpty() && taskDotPercent.matches()) { // 12.65% at the start: task 12 at 65%, or 12.65%?
            return "“" + m.written().strip() + "”看不出是任务 " + taskDotPercent.group(1) + " 进度 "
                    + taskDotPercent.group(2) + "%，还是进度 " + m.display() + "，暂未记录。如果是任务 "
                    + taskDotPercent.group(1) + "，请在编号后空一格，例如：" + taskDotPercent.group(1) + " "
                    + taskDotPercent.group(2) + "% " + words(rest);
        }
        int rounded = m.value().setScale(0, RoundingMode.HALF_UP).min(BigDecimal.valueOf(100)).intValue();
        return "进度“" + m.display() + "”是小数，请写整数百分比，例如：" + task(task) + " " + rounded + "% " + words(rest);
    }

    static String over100(PercentMention m, OptionalInt task, String rest) {
        return "进度“" + m.display() + "”超过 100%：进度应为 0 到 100 之间的整数百分比，例如：" + example(task, rest);
    }

    static String invalidPercent(String what, OptionalInt task, String rest) {
        return "进度“" + UserText.escape(what, QUOTE) + "”无法识别：进度应为 0 到 100 之间的整数百分比，例如：" + example(task, rest);
    }

    static String vague(String vague, OptionalInt task, String rest) {
        return "“" + UserText.escape(vague, QUOTE) + "”不是具体的进度，暂未记录。请写百分比，例如：" + example(task, rest);
    }

    static String percentInWords(String written, int value, OptionalInt task) {
        return "“" + UserText.escape(written, QUOTE) + "”是进度吗？暂未记录。请写百分比，例如：" + task(task) + " " + value
                + "% 本周进展";
    }

    static String doneBelow100(int percent, OptionalInt task) {
        return "状态“已完成”与进度 " + percent + "% 不一致。已完成请写 100%，例如：" + task(task)
                + " 100% 已完成 全部项目已验收；未完成请写实际进度，例如：" + task(task) + " " + percent + "% 推进中";
    }

    static String notStartedAbove0(int percent, OptionalInt task) {
        return "状态“未启动”与进度 " + percent + "% 不一致，请改正后重发，例如：" + task(task) + " 0% 未启动 计划下月启动";
    }

    /** @param hasFields the part had labelled fields (问题：…), all of them empty */
    static String empty(boolean hasFields, OptionalInt task) {
        return hasFields
                ? "没有写进度或进展，暂未记录。例如：" + example(task, "")
                : "报送内容为空，请写明进度和本周进展，例如：" + example(task, "");
    }

    static String noTaskNumber(OptionalInt task, String progress) {
        return "这部分没有写任务编号，暂未记录。请在开头写任务编号，例如：" + example(task, progress);
    }

    static String oneTaskPerLine(int first, int second) {
        return "一行只能报送一项任务的进度，暂未记录。请分行写，例如：\n" + first + " 60% 本周进展\n" + second + " 无变化";
    }

    /** An example of a correct report for the task, using the person's own words where there are some. */
    static String example(OptionalInt task, String words) {
        String w = words.isBlank() ? "本周进展；问题：…；下一步：…" : UserText.escape(words, QUOTE);
        return (task.isPresent() ? task.getAsInt() : 12) + " 60% " + w;
    }

    private static String task(OptionalInt task) {
        return String.valueOf(task.isPresent() ? task.getAsInt() : 12);
    }

    private static String words(String rest) {
        return rest.isEmpty() ? "本周进展" : UserText.escape(rest, QUOTE);
    }
}
