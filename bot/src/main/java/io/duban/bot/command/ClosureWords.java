package io.duban.bot.command;

import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 办结 3}, {@code 办结3}, {@code 结项：任务3}: a closing word and a task number and nothing else. It may mean
 * "close it" (销号, the office's), "we apply to close it" (申请办结, the lead unit's), "it is finished" (a report) or a
 * leader asking; so nothing is done or stored, and the answer shows what to send, for the sender's role and unit.
 * ({@code 任务3办结} or {@code 3 已办结} stay reports: there the task comes first and says it is done.)
 */
public final class ClosureWords {
    private static final Pattern CLOSE_AND_NUMBER = Pattern.compile(
            "^(?:请)?(?:办结|结项|完结|销项)\\s*[，,：:]?\\s*(?:任务)?\\s*第?\\s*(\\d{1,3})\\s*项?\\s*[。.!！?？]*$");

    private ClosureWords() {
    }

    /** The answer to a closing word with a task number, or empty when the text is something else. */
    public static Optional<String> answer(String text, Person person, WorkPlan plan, Organization org) {
        Matcher m = CLOSE_AND_NUMBER.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(1));
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Optional.of(ReportReplies.unknownTask(plan, number, "任务 12") + "。本条未记录。");
        }
        String report = number + " 100% 已完成";
        return Optional.of(switch (person.role()) {
            case ADMIN -> "要为任务 " + number + " 销号吗？请发：销号 " + number + "（销号后不再催报）。"
                    + "只报送本单位已完成请发：" + report;
            case LEADER -> "任务 " + number + " 由牵头单位申请办结、办公室销号。查看请发：任务 " + number
                    + "；全部办结情况请发：办结情况";
            default -> staff(task.get(), person.unit(), org, report);
        });
    }

    private static String staff(PlanTask task, String unit, Organization org, String report) {
        int number = task.number();
        if (org.isLead(task, unit)) {
            return "任务 " + number + " 已完成的话：申请办结请发：申请办结 " + number + " 完成情况…；"
                    + "只报送已完成请发：" + report + "。本条未记录。";
        }
        if (org.isAssigned(task, unit)) {
            return "任务 " + number + " 由牵头单位（" + String.join("、", task.leadUnits()) + "）申请办结。"
                    + unit + " 已完成的话请报送：" + report + "。本条未记录。";
        }
        return "任务 " + number + " 不是" + unit + "的任务，无需办结或报送。本单位的任务请发：我的任务";
    }
}
