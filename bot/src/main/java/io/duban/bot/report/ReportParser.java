package io.duban.bot.report;

import io.duban.storage.model.ReportStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a progress report written the way people write in chat:
 * <pre>
 *   12 60% 本周已对接保山咖啡企业2家；问题：冷链成本高；下一步：组织产销对接会
 *   任务12 进度60% 推进中 …
 *   17 40% 援滇人数：12；疗休养总人数：80
 * </pre>
 * Fields are separated by ；, ; or line breaks; 问题/困难 and 下一步 start their own fields. A leading {@code 报送}
 * is the caller's business (it has been removed).
 */
public final class ReportParser {
    public static final String EXAMPLE = "12 60% 本周已对接保山咖啡企业2家；问题：冷链成本高；下一步：组织产销对接会";

    private static final Pattern TASK_PREFIX = Pattern.compile("^(?:任务|第)?\\s*(\\d{1,4})(?:\\s*号?任务)?(?![\\d.%％])\\s*[，,、:：]?\\s*");
    private static final Pattern PERCENT = Pattern.compile(
            "(?:进度|完成|完成度|完成率)?\\s*[:：]?\\s*(-?\\d+(?:\\.\\d+)?)\\s*[%％]");
    private static final Pattern PERCENT_SIGN_WITHOUT_NUMBER = Pattern.compile("(?<![\\d.])[%％]");
    private static final Pattern STATUS = Pattern.compile("未启动|推进中|已完成|受阻");
    private static final Pattern FIELD = Pattern.compile(
            "^(存在问题|问题|困难|下一步计划|下一步|下步|援滇人数|援滇帮扶疗休养人数|疗休养总人数|总人数|进展|本周进展)\\s*[:：]\\s*(.*)$",
            Pattern.DOTALL);
    /** A field label written after a space instead of a separator: {@code 40% 援滇人数：12} starts a new field. */
    private static final Pattern INLINE_FIELD = Pattern.compile(
            "(?<=\\s)(?=(?:存在问题|问题|困难|下一步计划|下一步|下步|援滇人数|援滇帮扶疗休养人数|疗休养总人数|总人数)\\s*[:：])");
    private static final Pattern SEPARATOR = Pattern.compile("[；;\\n\\r]+");
    private static final Pattern COUNT = Pattern.compile("^(\\d{1,7})\\s*人?$");

    public ParseResult parse(String text) {
        String rest = text.strip();
        OptionalInt task = OptionalInt.empty();
        Matcher taskMatcher = TASK_PREFIX.matcher(rest);
        if (taskMatcher.find()) {
            task = OptionalInt.of(Integer.parseInt(taskMatcher.group(1)));
            rest = rest.substring(taskMatcher.end()).strip();
        }

        List<String> progressParts = new ArrayList<>();
        String problems = "";
        String next = "";
        OptionalInt numerator = OptionalInt.empty();
        OptionalInt denominator = OptionalInt.empty();
        OptionalInt percent = OptionalInt.empty();
        Optional<ReportStatus> status = Optional.empty();

        rest = INLINE_FIELD.matcher(rest).replaceAll("；");
        for (String rawSegment : SEPARATOR.split(rest)) {
            String segment = rawSegment.strip();
            if (segment.isEmpty()) {
                continue;
            }
            Matcher field = FIELD.matcher(segment);
            if (field.matches()) {
                String name = field.group(1);
                String value = field.group(2).strip();
                switch (name) {
                    case "存在问题", "问题", "困难" -> problems = join(problems, value);
                    case "下一步计划", "下一步", "下步" -> next = join(next, value);
                    case "援滇人数", "援滇帮扶疗休养人数", "疗休养总人数", "总人数" -> {
                        Matcher count = COUNT.matcher(value);
                        if (!count.matches()) {
                            return new ParseResult.Invalid("“" + name + "”应为人数（整数），例如：17 40% 援滇人数：12；疗休养总人数：80");
                        }
                        int n = Integer.parseInt(count.group(1));
                        if (name.startsWith("援滇")) {
                            numerator = OptionalInt.of(n);
                        } else {
                            denominator = OptionalInt.of(n);
                        }
                    }
                    default -> progressParts.add(value);
                }
                continue;
            }
            // The status word first: 已完成 must not lose its 完成 to the percent pattern.
            if (status.isEmpty()) {
                Matcher s = STATUS.matcher(segment);
                if (s.find()) {
                    status = ReportStatus.fromLabel(s.group());
                    segment = (segment.substring(0, s.start()) + " " + segment.substring(s.end())).strip();
                }
            }
            if (percent.isEmpty()) {
                Matcher p = PERCENT.matcher(segment);
                if (p.find()) {
                    String number = p.group(1);
                    if (number.startsWith("-") || number.contains(".")) {
                        return invalidPercent(number + "%");
                    }
                    int value;
                    try {
                        value = Integer.parseInt(number);
                    } catch (NumberFormatException e) {
                        return invalidPercent(number + "%");
                    }
                    if (value > 100) {
                        return invalidPercent(value + "%");
                    }
                    percent = OptionalInt.of(value);
                    segment = (segment.substring(0, p.start()) + " " + segment.substring(p.end())).strip();
                } else if (PERCENT_SIGN_WITHOUT_NUMBER.matcher(segment).find()) {
                    return invalidPercent(segment.length() > 12 ? segment.substring(0, 12) + "…" : segment);
                }
            }
            segment = segment.replaceFirst("^[，,、:：\\s]+", "").strip();
            if (!segment.isEmpty()) {
                progressParts.add(segment);
            }
        }

        String progress = String.join("；", progressParts);
        if (percent.isEmpty() && status.isEmpty() && progress.isEmpty() && problems.isEmpty() && next.isEmpty()
                && numerator.isEmpty() && denominator.isEmpty()) {
            return new ParseResult.Invalid("报送内容为空，请写明进度和本周进展，例如：" + EXAMPLE);
        }
        if (status.isPresent() && percent.isPresent()) {
            int p = percent.getAsInt();
            if (status.get() == ReportStatus.DONE && p < 100) {
                return new ParseResult.Invalid("状态“已完成”与进度 " + p + "% 不一致。已完成请写 100%，例如：12 100% 已完成 全部项目已验收");
            }
            if (status.get() == ReportStatus.NOT_STARTED && p > 0) {
                return new ParseResult.Invalid("状态“未启动”与进度 " + p + "% 不一致，请改正后重发，例如：12 0% 未启动 计划下月启动");
            }
        }
        if (percent.isEmpty() && status.isPresent()) {
            if (status.get() == ReportStatus.DONE) {
                percent = OptionalInt.of(100);
            } else if (status.get() == ReportStatus.NOT_STARTED) {
                percent = OptionalInt.of(0);
            }
        }
        if (status.isEmpty() && percent.isPresent()) {
            int p = percent.getAsInt();
            status = Optional.of(p == 100 ? ReportStatus.DONE : p == 0 ? ReportStatus.NOT_STARTED : ReportStatus.IN_PROGRESS);
        }
        return new ParseResult.Ok(new ParsedReport(task, percent, status, progress, problems, next, numerator, denominator));
    }

    private static final Pattern NO_CHANGE = Pattern.compile(
            "^(?:(?:任务)?\\s*(\\d{1,4}(?:\\s*[、,，\\s]\\s*\\d{1,4})*)\\s*)?(?:无变化|同上周|没有变化|无新进展)[。.！!]?$");

    /**
     * An explicit "no change this period" ({@code 无变化}, {@code 同上周}), alone or after task numbers
     * ({@code 15 无变化}, {@code 12、15 同上周}). Empty when the text is something else; an empty list when it names no
     * task (it covers every task due from the unit). The narrow recognition until the parser reads it itself.
     */
    public static Optional<List<Integer>> noChange(String text) {
        Matcher m = NO_CHANGE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<Integer> tasks = new ArrayList<>();
        if (m.group(1) != null) {
            for (String n : m.group(1).split("\\D+")) {
                if (!n.isEmpty() && !tasks.contains(Integer.parseInt(n))) {
                    tasks.add(Integer.parseInt(n));
                }
            }
        }
        return Optional.of(tasks);
    }

    private static ParseResult invalidPercent(String what) {
        return new ParseResult.Invalid("进度“" + what + "”无法识别：进度应为 0 到 100 之间的整数百分比，例如：" + EXAMPLE);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "；" + b;
    }
}
