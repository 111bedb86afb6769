package io.duban.bot.report;

import io.duban.bot.report.normalize.ChineseNumerals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task reference at the start of a piece of text, in the forms people use: {@code 12}, {@code 任务12},
 * {@code 任务 12}, {@code 第12项}, {@code 12号任务}, {@code 第十二项}, {@code 任务十二}, and a list
 * {@code 12、15}. Text must be normalised ({@link io.duban.bot.report.normalize.InputNormalizer}) first.
 *
 * @param numbers the task numbers, in the order written (one, unless a list)
 * @param end     where the text after the reference (and its separator) starts
 */
public record TaskReference(List<Integer> numbers, int end) {
    /** How sure the position is that a bare number there names a task. */
    public enum Position {
        /** The first piece of a message: {@code 12本周…} and {@code 12、60%} name task 12. */
        MESSAGE_START,
        /** The start of a later line: {@code 15本周…} names task 15, {@code 2、召开座谈会} is a numbered list. */
        LINE_START,
        /** After {@code ；} within a line: only {@code 15 …} followed by a report-like text names a task. */
        SEGMENT_START
    }

    /** Characters that make a number a quantity or a date, not a task: {@code 2家}, {@code 12月}, {@code 3 人}. */
    static final String UNIT_CHARS = "家个款人名位次场批件项条篇期户元万亿千百吨斤克天日月年周号时分秒岁台辆套株头只亩米里余多倍份张所座处轮届道门间栋户例";

    private static final String NUMBER = "(\\d{1,4}|[零〇一二两三四五六七八九十百千]{1,6})";
    private static final Pattern NAMED = Pattern.compile("^任务\\s*" + NUMBER + "(?:\\s*号)?");
    private static final Pattern ORDINAL = Pattern.compile("^第\\s*" + NUMBER + "\\s*(?:项任务|号任务|个任务|项|条|号)");
    private static final Pattern NUMBERED = Pattern.compile("^" + NUMBER + "\\s*号任务");
    /** {@code 12项 60%}: a number and 项 at the start, a percent or status after it (else 3项 is a count). */
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,3})\\s*项(?:任务)?(?=\\s*(?:\\d{1,3}(?:\\.\\d+)?\\s*%|百分之|[:：]"
            + "|无变化|没有变化|同上周|无新进展|进度|已完成|推进中))");
    /** More tasks after a named one: {@code 任务12、任务15}, {@code 第12、15项}, {@code 任务12和15}. */
    private static final Pattern MORE_NAMED = Pattern.compile(
            "^\\s*[、,，和及/]\\s*(?:任务|第)?\\s*(\\d{1,4})(?:\\s*(?:号任务|项任务|号|项))?");
    private static final Pattern LIST = Pattern.compile("^(\\d{1,4})((?:\\s*[、,，和及/]\\s*\\d{1,4})+)(?=\\s|$|[无同没])");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
    /** {@code 7-10 无变化}, {@code 7至10均无变化}: a range of tasks, read only before "no change". */
    private static final Pattern RANGE = Pattern.compile("^(\\d{1,3})\\s*(?:-|－|~|～|—|至|到)\\s*(\\d{1,3})(?=\\s*(?:项|号)?\\s*"
            + "(?:均|都|全部|暂)?\\s*(?:无变化|没有变化|没变化|同上周|无新进展|没有新进展|无进展))");
    private static final Pattern RANGE_SUFFIX = Pattern.compile("^\\s*(?:项|号)");
    /** {@code 十二 60%}: a Chinese numeral alone names a task only when a percent follows it. */
    private static final Pattern BARE_CHINESE = Pattern.compile(
            "^([一二两三四五六七八九十]{1,3})\\s+(?=\\d{1,3}(?:\\.\\d+)?\\s*%|百分之|[一二两三四五六七八九十]成|进度)");
    private static final Pattern BARE = Pattern.compile("^(\\d{1,4})");
    /** A list item's number before a named task: {@code 1、任务12 …}, {@code （2）第15项 …}, {@code ③任务8 …}. */
    private static final Pattern ENUMERATOR = Pattern.compile(
            "^(?:[(（]\\s*\\d{1,2}\\s*[)）]|\\d{1,2}\\s*[、.)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]{1,2}\\s*、)\\s*");
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s,，、:：.)）]*");
    /** A reference in brackets, as in a heading: {@code 【任务12】}, {@code [第12项]}, {@code （12）65%}. */
    private static final Pattern BRACKETED = Pattern.compile("^[【\\[（(〔]\\s*([^】\\]）)〕]{1,10}?)\\s*[】\\]）)〕]");
    /**
     * What must follow a bracketed bare number for it to name a task: a percent or "no change" — never words alone,
     * since {@code （1）已完成培训} is a list item.
     */
    private static final Pattern FIGURE_AFTER = Pattern.compile("^[\\s:：,，]*(?:\\d{1,3}(?:\\.\\d+)?\\s*%|百分之"
            + "|[一二三四五六七八九十]成|无变化|没有变化|同上周|无新进展|进度|完成率)");
    /** What may follow a bare number without a space at a segment start: {@code 15无变化}, {@code 15进度60%}. */
    private static final Pattern REPORT_HEAD = Pattern.compile(
            "^(?:无变化|没有变化|没变化|同上周|同上|无新进展|无进展|进度|完成|已完成|百分之|推进中|进行中|受阻|暂停|未启动|未开始)");

    public int number() {
        return numbers.get(0);
    }

    /** The reference the text starts with, if any. */
    public static Optional<TaskReference> at(String text, Position position) {
        Optional<TaskReference> explicit = explicit(text);
        if (explicit.isPresent()) {
            return explicit;
        }
        Matcher item = ENUMERATOR.matcher(text);
        if (item.find()) {
            Optional<TaskReference> named = explicit(text.substring(item.end()));
            if (named.isPresent()) { // the list number is not a task: the task is the one named after it
                return Optional.of(new TaskReference(named.get().numbers(), item.end() + named.get().end()));
            }
        }
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.find()) {
            String inner = bracketed.group(1).strip();
            Optional<TaskReference> named = explicit(inner).filter(r -> r.end() >= inner.length());
            if (named.isPresent()) { // 【任务12】
                return Optional.of(new TaskReference(named.get().numbers(), skipSeparator(text, bracketed.end())));
            }
            boolean figureAfter = FIGURE_AFTER.matcher(text.substring(bracketed.end())).find();
            // （12）65% starting a message; on later lines （2）40%的企业已签约 is a list item in the text
            if (inner.matches("\\d{1,4}") && position == Position.MESSAGE_START && figureAfter) {
                return Optional.of(new TaskReference(List.of(Integer.parseInt(inner)), skipSeparator(text,
                        bracketed.end())));
            }
        }
        Matcher range = RANGE.matcher(text);
        if (range.find()) {
            int from = Integer.parseInt(range.group(1));
            int to = Integer.parseInt(range.group(2));
            if (from < to && to - from < 30) {
                List<Integer> numbers = new ArrayList<>();
                for (int n = from; n <= to; n++) {
                    numbers.add(n);
                }
                int end = range.end();
                Matcher suffix = RANGE_SUFFIX.matcher(text.substring(end));
                if (suffix.find()) {
                    end += suffix.end();
                }
                return Optional.of(new TaskReference(List.copyOf(numbers), skipSeparator(text, end)));
            }
        }
        Matcher list = LIST.matcher(text);
        if (list.find()) {
            List<Integer> numbers = new ArrayList<>();
            numbers.add(Integer.parseInt(list.group(1)));
            Matcher more = DIGITS.matcher(list.group(2));
            while (more.find()) {
                numbers.add(Integer.parseInt(more.group()));
            }
            return Optional.of(new TaskReference(List.copyOf(numbers), skipSeparator(text, list.end())));
        }
        Matcher chinese = BARE_CHINESE.matcher(text);
        if (position != Position.SEGMENT_START && chinese.find()) {
            Optional<Integer> n = number(chinese.group(1));
            if (n.isPresent()) {
                return Optional.of(new TaskReference(List.of(n.get()), skipSeparator(text, chinese.end(1))));
            }
        }
        Matcher bare = BARE.matcher(text);
        if (!bare.find()) {
            return Optional.empty();
        }
        int after = bare.end();
        if (after == text.length()) {
            return Optional.of(new TaskReference(List.of(Integer.parseInt(bare.group(1))), after));
        }
        char next = text.charAt(after);
        if (Character.isDigit(next) || next == '%' || next == '-' || next == '~'
                || (next == '.' && after + 1 < text.length() && Character.isDigit(text.charAt(after + 1)))) {
            return Optional.empty(); // 12.5, 60%, 1260%: a number, not a reference
        }
        if (UNIT_CHARS.indexOf(next) >= 0 || Character.isLetter(next) && next < 0x80) {
            return Optional.empty(); // 2家, 12月, 3kg
        }
        int body = skipSeparator(text, after);
        boolean spaced = body > after;
        if (spaced) {
            if (body < text.length() && UNIT_CHARS.indexOf(text.charAt(body)) >= 0 && !text.startsWith("百分之", body)) {
                return Optional.empty(); // 3 家企业
            }
            boolean enumeration = "、.)）".indexOf(next) >= 0;
            if (enumeration && position != Position.MESSAGE_START) {
                return Optional.empty(); // 2、召开座谈会: a numbered list inside a report
            }
        } else if (position == Position.SEGMENT_START && !REPORT_HEAD.matcher(text.substring(after)).find()) {
            return Optional.empty();
        }
        return Optional.of(new TaskReference(List.of(Integer.parseInt(bare.group(1))), body));
    }

    private static Optional<TaskReference> explicit(String text) {
        Optional<TaskReference> first = explicitOne(text);
        if (first.isEmpty()) {
            return first;
        }
        // 任务12、任务15 无变化: the list goes on with more numbers
        List<Integer> numbers = new ArrayList<>(first.get().numbers());
        int at = first.get().end();
        for (Matcher more = MORE_NAMED.matcher(text.substring(at)); more.find();
             more = MORE_NAMED.matcher(text.substring(at))) {
            int after = at + more.end();
            String rest = text.substring(after);
            char right = rest.isEmpty() ? ' ' : rest.charAt(0);
            char word = rest.isBlank() ? ' ' : rest.strip().charAt(0);
            if (right == '%' || right == '.' || Character.isDigit(right) || word == '%'
                    || UNIT_CHARS.indexOf(word) >= 0 && word != '号' && word != '项') {
                break; // 任务12，3家企业 / 任务12，3 家 / 任务12, 60%: a quantity or a percent, not another task
            }
            numbers.add(Integer.parseInt(more.group(1)));
            at = after;
        }
        return Optional.of(new TaskReference(List.copyOf(numbers), skipSeparator(text, at)));
    }

    /** One named reference; its end is right after the number (before any separator). */
    private static Optional<TaskReference> explicitOne(String text) {
        for (Pattern p : List.of(NAMED, ORDINAL, NUMBERED, ITEM)) {
            Matcher m = p.matcher(text);
            if (!m.find()) {
                continue;
            }
            Optional<Integer> n = number(m.group(1));
            if (n.isEmpty()) {
                continue;
            }
            int after = m.end();
            if (after < text.length()) {
                char next = text.charAt(after);
                if (next == '%' || next == '.' || Character.isDigit(next)) {
                    continue;
                }
                if (p == NAMED && Character.isDigit(m.group(1).charAt(0)) && UNIT_CHARS.indexOf(next) >= 0
                        && next != '号') {
                    continue;
                }
                if (p == NAMED && !Character.isDigit(m.group(1).charAt(0)) && next == '成') {
                    continue; // 任务六成: a percent without a task number
                }
            }
            return Optional.of(new TaskReference(List.of(n.get()), after));
        }
        return Optional.empty();
    }

    private static Optional<Integer> number(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return Optional.of(Integer.parseInt(s));
        }
        var n = ChineseNumerals.parse(s);
        return n.isPresent() ? Optional.of(n.getAsInt()) : Optional.empty();
    }

    private static int skipSeparator(String text, int from) {
        Matcher m = SEPARATOR.matcher(text.substring(from));
        m.find();
        return from + m.end();
    }
}
