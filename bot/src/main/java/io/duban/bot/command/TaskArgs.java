package io.duban.bot.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of the office's commands: a task number first ({@code 12}, {@code 任务12}, {@code 12：}), then the
 * rest as written, e.g. {@code 销号 12 备注} or {@code 退回办结 12 请补充验收材料}.
 */
record TaskArgs(int task, String rest) {
    private static final Pattern TASK_FIRST = Pattern.compile("^(?:任务)?\\s*(\\d{1,4})\\s*[:：,，]?\\s*(.*)$",
            Pattern.DOTALL);

    static Optional<TaskArgs> parse(String args) {
        Matcher m = TASK_FIRST.matcher(args.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TaskArgs(Integer.parseInt(m.group(1)), m.group(2).strip()));
    }
}
