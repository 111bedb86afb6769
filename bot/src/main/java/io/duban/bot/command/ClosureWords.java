package io.duban.bot.command;

import io.duban.roster.Role;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 办结 3}, {@code 办结3}, {@code 结项：任务3}: a closing word and a task number and nothing else. It may mean
 * "close it" (销号, the office's), "we apply to close it" (申请办结, the lead unit's), "it is finished" (a report) or a
 * leader asking; so nothing is done or stored, and the answer shows what to send, for the sender's role.
 * ({@code 任务3办结} or {@code 3 已办结} stay reports: there the task comes first and says it is done.)
 */
public final class ClosureWords {
    private static final Pattern CLOSE_AND_NUMBER = Pattern.compile(
            "^(?:请|申请)?(?:办结|结项|完结|销项)\\s*[，,：:]?\\s*(?:任务)?\\s*第?\\s*(\\d{1,3})\\s*项?\\s*[。.!！?？]*$");

    private ClosureWords() {
    }

    /** The answer to a closing word with a task number, or empty when the text is something else. */
    public static Optional<String> answer(String text, Role role) {
        Matcher m = CLOSE_AND_NUMBER.matcher(text.strip());
        if (!m.matches() || text.strip().startsWith("申请")) {
            return Optional.empty(); // 申请办结 3 is the command itself
        }
        int task = Integer.parseInt(m.group(1));
        String report = task + " 100% 已完成";
        return Optional.of(switch (role) {
            case ADMIN -> "要为任务 " + task + " 销号吗？请发：销号 " + task + "（销号后不再催报）。"
                    + "只报送本单位已完成请发：" + report;
            case LEADER -> "任务 " + task + " 由牵头单位申请办结、办公室销号。查看请发：任务 " + task + "；全部办结情况请发：办结情况";
            default -> "任务 " + task + " 已完成的话：牵头单位申请办结请发：申请办结 " + task + " 完成情况…；"
                    + "报送本单位已完成请发：" + report + "。本条未记录。";
        });
    }
}
