package io.duban.bot.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words at the start of a report that carry its figures, in any order: {@code 60%}, {@code 进度60%},
 * {@code 完成60%}, {@code 六成}, {@code 约六成}, a bare {@code 60} right after the task, status words
 * ({@code 受阻}, {@code 完成了}), {@code 无变化}; and what makes a figure unusable: a range ({@code 60%-70%}), a
 * fraction ({@code 1/2}, {@code 三分之二}), a bound ({@code 近七成}, {@code 60%以上}), a vague amount ({@code 过半}).
 * The first word that is none of these starts the progress text.
 *
 * @param percents    readable percents, in order
 * @param unreadable  percent signs that cannot be read ({@code 六成%})
 * @param statusWords status words as written
 * @param vague       the last vague amount, fraction or bound, as written
 * @param range       a range, as written
 * @param rest        the progress text after these words
 */
record ReportHead(List<PercentMention> percents, List<PercentMention> unreadable, List<String> statusWords,
                  boolean noChange, Optional<String> vague, Optional<String> range, String rest) {
    /** Labels that bind the percent after them, with or without a space: {@code 进度 60%}, {@code 完成率：60%}. */
    private static final Pattern PROGRESS_LABEL = Pattern.compile(
            "(?:总体|整体|总|工作|目前|当前|累计)?(?:进度|完成率|完成度|完成比例|完成进度)\\s*(?:为|达到了|达到|已达|达|约|是|[:：])?\\s*");

    /** Done-words that bind a percent written right after them: {@code 完成60%}, {@code 已完成60%}. */
    private static final Pattern DONE_LABEL = Pattern.compile("(?:已经完成|已完成|完成了|完成)(?:约|了)?");

    private static final Pattern RANGE = Pattern.compile("^\\d+(?:\\.\\d+)?\\s*%?\\s*[-~～至到]\\s*\\d+(?:\\.\\d+)?\\s*%");

    /** Qualifiers that keep the figure: {@code 约60%}, {@code 大约六成}. */
    private static final Pattern ABOUT = Pattern.compile("约|大约|大概");

    /** Qualifiers that make it a bound, not a figure: {@code 近七成}, {@code 超过60%}, {@code 不到一半}. */
    private static final Pattern BOUND = Pattern.compile("将近|接近|近|超过|逾|不到|不足|不少于|至少");

    private static final Pattern AFTER_PERCENT = Pattern.compile("\\s*(左右|以上|以下|多|不到|有余)");

    private static final Pattern FRACTION = Pattern.compile(
            "\\d+\\s*/\\s*\\d+|[一二两三四五六七八九十]+分之[一二两三四五六七八九十]+");

    private static final Pattern HEAD_GAP = Pattern.compile("[\\s，,、:：(（)）]*");
    private static final Pattern LEADING_MARKS = Pattern.compile("^[\\s，,、:：。.；;)）]+");

    /**
     * Reads the start of {@code s}.
     *
     * @param bareNumberIsPercent whether a number without a sign as the first word is the percent ({@code 15 60 …}
     *                            right after the task; not in a second 进度 field)
     */
    static ReportHead read(String s, boolean bareNumberIsPercent) {
        List<PercentMention> percents = new ArrayList<>();
        List<PercentMention> unreadable = new ArrayList<>();
        List<String> statusWords = new ArrayList<>();
        boolean noChange = false;
        String vague = null;
        String range = null;
        int pos = 0;
        boolean first = true;
        while (true) {
            Matcher gap = HEAD_GAP.matcher(s);
            gap.region(pos, s.length());
            gap.lookingAt();
            pos = gap.end();
            if (pos >= s.length()) {
                break;
            }
            Matcher r = RANGE.matcher(s);
            r.region(pos, s.length());
            if (r.lookingAt()) {
                range = r.group();
                pos = r.end();
                continue;
            }
            Matcher fraction = FRACTION.matcher(s);
            fraction.region(pos, s.length());
            if (fraction.lookingAt()) {
                vague = fraction.group();
                pos = fraction.end();
                continue;
            }
            int afterLabel = labelEnd(s, pos);
            Matcher about = ABOUT.matcher(s);
            about.region(afterLabel, s.length());
            if (about.lookingAt() && mentionAt(s, about.end()).isPresent()) {
                afterLabel = about.end();
            }
            Matcher bound = BOUND.matcher(s);
            bound.region(afterLabel, s.length());
            if (bound.lookingAt() && (mentionAt(s, bound.end()).isPresent()
                    || StatusWords.vagueAt(s, bound.end()).isPresent())) {
                int end = mentionAt(s, bound.end()).map(PercentMention::end)
                        .orElseGet(() -> StatusWords.vagueAt(s, bound.end()).get().end());
                vague = s.substring(pos, end);
                pos = end;
                continue;
            }
            Optional<PercentMention> percent = mentionAt(s, afterLabel);
            if (percent.isEmpty() && afterLabel > pos && isProgressLabel(s, pos)) {
                percent = PercentMention.bareAt(s, afterLabel);
            }
            if (percent.isEmpty() && afterLabel == pos && first && bareNumberIsPercent) {
                percent = PercentMention.bareAt(s, pos);
                if (percent.isEmpty() && pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    break; // 4款产品: a quantity, text from here on
                }
            }
            if (percent.isPresent()) {
                PercentMention m = percent.get();
                pos = m.end();
                Matcher after = AFTER_PERCENT.matcher(s);
                after.region(pos, s.length());
                if (after.lookingAt()) {
                    pos = after.end();
                    if (!after.group(1).equals("左右")) {
                        vague = s.substring(m.start(), pos); // 60%以上: a bound, not a figure
                        first = false;
                        continue;
                    }
                }
                (m.readable() ? percents : unreadable).add(m);
                first = false;
                continue;
            }
            Optional<StatusWords.Hit> vagueWord = StatusWords.vagueAt(s, afterLabel);
            if (vagueWord.isPresent()) {
                vague = s.substring(pos, vagueWord.get().end());
                pos = vagueWord.get().end();
                first = false;
                continue;
            }
            Optional<StatusWords.Hit> status = StatusWords.statusAt(s, pos);
            if (status.isPresent()) {
                statusWords.add(status.get().word());
                pos = status.get().end();
                first = false;
                continue;
            }
            Optional<StatusWords.Hit> same = StatusWords.noChangeAt(s, pos);
            if (same.isPresent()) {
                noChange = true;
                pos = same.get().end();
                first = false;
                continue;
            }
            break;
        }
        String rest = LEADING_MARKS.matcher(s.substring(pos)).replaceFirst("").strip();
        return new ReportHead(percents, unreadable, statusWords, noChange, Optional.ofNullable(vague),
                Optional.ofNullable(range), rest);
    }

    private static int labelEnd(String s, int pos) {
        Matcher label = PROGRESS_LABEL.matcher(s);
        label.region(pos, s.length());
        if (label.lookingAt()) {
            return label.end();
        }
        Matcher done = DONE_LABEL.matcher(s);
        done.region(pos, s.length());
        if (done.lookingAt() && done.end() < s.length()
                && (Character.isDigit(s.charAt(done.end())) || s.startsWith("百分之", done.end())
                || StatusWords.vagueAt(s, done.end()).isPresent()
                || PercentMention.at(s, done.end()).isPresent())) {
            return done.end();
        }
        return pos;
    }

    private static boolean isProgressLabel(String s, int pos) {
        Matcher label = PROGRESS_LABEL.matcher(s);
        label.region(pos, s.length());
        return label.lookingAt();
    }

    private static Optional<PercentMention> mentionAt(String s, int pos) {
        return PercentMention.at(s, pos);
    }
}
