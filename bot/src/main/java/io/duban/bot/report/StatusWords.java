package io.duban.bot.report;

import io.duban.storage.model.ReportStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words people give their progress with: status words and their variants, "no change", and the vague
 * amounts ({@code 过半}, {@code 大部分}) that cannot be stored as a percent.
 */
public final class StatusWords {
    private static final Map<String, ReportStatus> STATUS = new LinkedHashMap<>();

    static {
        for (String w : List.of("已全部完成", "全部完成", "均已完成", "已经完成", "已完成", "完成了", "已办结", "办结",
                "已完工", "完成")) {
            STATUS.put(w, ReportStatus.DONE);
        }
        for (String w : List.of("受阻", "卡住了", "卡住", "已暂停", "暂停", "停滞", "延期", "推迟", "搁置", "阻滞")) {
            STATUS.put(w, ReportStatus.BLOCKED);
        }
        for (String w : List.of("尚未启动", "尚未开始", "还未启动", "还没启动", "还没开始", "暂未启动", "暂未开始",
                "未启动", "未开始", "没有启动", "没启动")) {
            STATUS.put(w, ReportStatus.NOT_STARTED);
        }
        for (String w : List.of("正在推进", "正在进行", "推进中", "进行中", "实施中", "有序推进", "稳步推进")) {
            STATUS.put(w, ReportStatus.IN_PROGRESS);
        }
    }

    private static final Pattern STATUS_WORD = Pattern.compile(alternatives(STATUS.keySet().stream().toList()));
    private static final String NO_CHANGE_WORDS = alternatives(List.of("无变化", "没有变化", "没变化", "无变动",
            "无新变化", "没有新变化", "同上周", "与上周相同", "与上周一致", "和上周一样", "跟上周一样", "同上", "无新进展",
            "没有新进展", "无进展", "没有进展", "无更新", "没有更新", "无新情况", "没有新情况"));
    private static final String WHEN = "(?:本周|这周|本期|这期|近期|目前)?";
    /** "The other tasks": {@code 其余}, {@code 其他任务}, {@code 其余各项任务}, {@code 剩下的}. */
    private static final String THE_REST = "(?:其余|其他|其它|剩下|剩余|另外|别的)的?(?:各项|几项|各个|任务|事项|工作|项目)*";
    /**
     * "Nothing new this period", as people write it: a word, optionally after when ({@code 本周无新进展},
     * {@code 这周暂无变化}) or after "the other tasks" ({@code 其余无变化}).
     */
    private static final Pattern NO_CHANGE = Pattern.compile(WHEN + "(?:" + THE_REST + ")?" + WHEN
            + "(?:暂|均|都|还|仍)?" + NO_CHANGE_WORDS);
    /** "No change" for the tasks a message does not name: {@code 其余无变化}, {@code 其他任务本周均无变化}. */
    private static final Pattern REST_NO_CHANGE = Pattern.compile(WHEN + THE_REST + WHEN + "(?:暂|均|都|还|仍)?"
            + NO_CHANGE_WORDS);
    private static final Pattern VAGUE = Pattern.compile(alternatives(List.of("过半", "大半", "大部分", "一半", "近半",
            "多半", "小部分", "少部分", "部分完成", "基本完成", "接近完成", "即将完成", "快完成了", "快完成", "差不多完成",
            "接近尾声", "尾声", "差不多")));
    private static final Pattern END_MARKS = Pattern.compile("[。.！!了]+$");
    /** What may follow a word for it to stand alone: {@code 完成。}, {@code 受阻：…}, but not {@code 完成4款}. */
    private static final Pattern BOUNDARY = Pattern.compile("^(?:$|[\\s，,。.、；;：:！!)）(（])");

    private StatusWords() {
    }

    /** A word found at a position: what it says and where it ends. */
    public record Hit(String word, int end) {
    }

    public static Optional<ReportStatus> statusOf(String word) {
        return Optional.ofNullable(STATUS.get(word));
    }

    /** A status word standing alone at {@code from}. */
    public static Optional<Hit> statusAt(String text, int from) {
        return wordAt(STATUS_WORD, text, from, true);
    }

    /** A "no change this period" word at {@code from} ({@code 无变化}, {@code 同上周}). */
    public static Optional<Hit> noChangeAt(String text, int from) {
        return wordAt(NO_CHANGE, text, from, false);
    }

    /** A vague amount at {@code from} ({@code 过半}, {@code 大部分}, {@code 基本完成}). */
    public static Optional<Hit> vagueAt(String text, int from) {
        return wordAt(VAGUE, text, from, false);
    }

    /** Whether the whole clause is a status word ({@code 受阻。}). */
    public static Optional<ReportStatus> wholeClause(String clause) {
        String c = END_MARKS.matcher(clause.strip()).replaceAll("");
        ReportStatus s = STATUS.get(c);
        return Optional.ofNullable(s);
    }

    /** Whether the whole clause is a vague amount ({@code 基本完成}). */
    public static boolean isVagueClause(String clause) {
        return VAGUE.matcher(END_MARKS.matcher(clause.strip()).replaceAll("")).matches();
    }

    /** Whether the whole clause says "no change" ({@code 无变化。}). */
    public static boolean isNoChangeClause(String clause) {
        return NO_CHANGE.matcher(END_MARKS.matcher(clause.strip()).replaceAll("")).matches();
    }

    /** Whether the whole clause says "no change" about the other tasks ({@code 其余无变化}, {@code 其他任务均同上周}). */
    public static boolean isRestUnchangedClause(String clause) {
        return REST_NO_CHANGE.matcher(END_MARKS.matcher(clause.strip()).replaceAll("")).matches();
    }

    private static Optional<Hit> wordAt(Pattern words, String text, int from, boolean needsBoundary) {
        Matcher m = words.matcher(text);
        m.region(from, text.length());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        if (needsBoundary && !BOUNDARY.matcher(text.substring(m.end())).lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new Hit(m.group(), m.end()));
    }

    private static String alternatives(List<String> words) {
        return words.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).map(s -> "(?:" + s + ")").orElseThrow();
    }
}
