package io.duban.bot.report;

import io.duban.bot.report.normalize.ChineseNumerals;
import io.duban.storage.model.EmptyAnswers;
import io.duban.storage.model.ReportStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the pieces of a message that belong to one report (a task reference, the words after it, the lines that
 * continue it) into that report, or says why it cannot be stored: several percents and none bound to the task,
 * a fraction, a vague amount, contradicting status words. {@link ReportParser} splits messages into such pieces.
 */
final class PartReader {
    /**
     * Labels of the problems field, as staff write them: followed by a colon anywhere, or by a space (or 是) at the
     * start of a clause ({@code 60%；问题 冷链成本高；下一步 办对接会}).
     */
    private static final List<String> PROBLEM_LABELS = List.of("存在问题", "问题", "困难问题", "困难", "存在的问题",
            "主要问题", "遇到的问题", "存在困难", "困难和问题", "问题和困难", "问题困难", "需协调事项", "需协调解决的问题");
    /** Labels of the next-steps field. */
    private static final List<String> NEXT_LABELS = List.of("下一步计划", "下一步工作", "下一步", "下步计划", "下步",
            "下一步打算", "下步打算", "下一步措施", "下周计划", "下周工作", "下周安排", "下阶段计划", "下阶段工作",
            "下一阶段工作", "下一阶段计划", "下一阶段", "工作计划");
    private static final List<String> COUNT_LABELS = List.of("援滇人数", "援滇帮扶疗休养人数", "疗休养总人数", "总人数");
    /** Every field label (a regex alternation, longest first). */
    static final String LABELS = alternatives(PROBLEM_LABELS, NEXT_LABELS, COUNT_LABELS,
            List.of("本周进展", "工作进展", "进展情况", "进展", "主要进展", "本周工作", "本周情况", "工作情况", "推进情况",
                    "完成情况", "工作开展情况", "总体进度", "进度", "状态"));
    static final Pattern FIELD = Pattern.compile("^(" + LABELS + ")\\s*[:：]\\s*(.*)$", Pattern.DOTALL);
    /**
     * A problems or next-steps label at the start of a clause, followed by a space or 是 instead of a colon:
     * {@code 问题 冷链成本高}, {@code 下一步是组织对接会}. Only these two: their labels do not begin ordinary sentences
     * with a space after them, and without this the words would be stored as progress and the problem as none.
     */
    private static final Pattern SPACED_FIELD = Pattern.compile(
            "^(" + alternatives(PROBLEM_LABELS, NEXT_LABELS) + ")(?:\\s+|是)(\\S.*)$", Pattern.DOTALL);
    /**
     * A field label written after a space, comma or full stop instead of a separator: {@code 40% 援滇人数：12},
     * {@code 存在问题：无。下周计划：继续对接}.
     */
    private static final Pattern INLINE_FIELD = Pattern.compile("(?<=[\\s，,。])\\s*(?=(?:"
            + alternatives(PROBLEM_LABELS, NEXT_LABELS, COUNT_LABELS) + ")\\s*[:：])");

    /** A regex alternation of the labels, longest first. */
    @SafeVarargs
    private static String alternatives(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .collect(Collectors.joining("|"));
    }

    /** {@code 援滇人数20人，疗休养总人数130人}: the task-17 counts written in the text without a colon. */
    private static final Pattern SAID_COUNT = Pattern.compile(
            "(援滇帮扶疗休养人数|援滇人数|疗休养总人数)\\s*(?:为|是|达到|达|共)?\\s*(\\d{1,7})\\s*(?:人|名)?(?![\\d.%％万])");
    private static final Pattern COUNT = Pattern.compile("^(\\d{1,7})\\s*人?$");
    private static final Pattern LABEL_BEFORE = Pattern.compile(
            "(?:(?:总体|整体|总|工作|目前|当前|累计)?(?:进度|完成率|完成度|完成比例|完成进度)\\s*(?:为|达到了|达到|已达|达|约|是|[:：])?\\s*"
                    + "|(?:已经完成|已完成|完成了|完成)(?:约|了)?)$");
    private static final Pattern FIGURE_BEFORE = Pattern.compile(
            "增长|增加|提高|提升|下降|降低|减少|上涨|上升|同比|环比|占|比例|比重|率|超过|超|折|优惠|利润|毛利|溢价|下浮|上浮|涨|降");
    private static final Pattern LABELED_VAGUE = Pattern.compile(
            "(?:进度|完成)(?:已|了)?(?:过半|大半|大部分|一半|近半|多半|小部分|少部分)");
    private static final Pattern CLAUSE_END = Pattern.compile("[，,。；;！!？?\\n]");
    private static final Pattern METRIC = Pattern.compile(
            "(\\p{IsHan}{1,8})\\s*[:：]?\\s*(\\d+(?:\\.\\d+)?)\\s*(万元|亿元|元|人次|人|名|个|家|款|场|次|篇|批|吨|件|项|期|户|单|笔|位|条|公斤|斤|亩|套|台)");
    private static final Pattern BARE_LABEL = Pattern.compile("(?:进度|完成率|完成度)\\s*(?:为|达到了|达到|已达|达|约|是|[:：])?\\s*");
    private static final Pattern LEADING_MARKS = Pattern.compile("^[\\s，,、:：。.；;)）]+");
    private static final Pattern TRAILING_MARKS = Pattern.compile("[\\s，,、:：；;(（]+$");
    private static final Pattern FIELD_END_MARKS = Pattern.compile("[\\s，,、:：；;。.(（]+$");
    /** A second task written on the same line without a separator: {@code 12 60% 已对接 15 40% 上架}. */
    /** {@code … 15 40% …}, {@code …，15：40%}, {@code …。任务15 47%}: a second task written into this one's text. */
    private static final Pattern ANOTHER_TASK = Pattern.compile(
            "(?:^|[\\s，,、。；;])(?:任务|第)?(\\d{1,3})(?:\\s*[:：]\\s*|\\s+|项\\s*|\\s*(?=进度|完成))"
                    + "(?:(?:进度|完成率|完成了|完成)\\s*(?:为|达)?\\s*)?"
                    + "(?:\\d{1,3}(?:\\.\\d+)?\\s*%|百分之|[一二两三四五六七八九十]成|无变化|同上周)");
    private static final Pattern DOUBLED_COMMA = Pattern.compile("([，,、])\\s*[，,、]+");
    private static final Pattern CLAUSE_SPLIT = Pattern.compile("[，,。；;！!]");
    private static final Pattern AFTER_CLAUSE_MARK = Pattern.compile("(?<=[，,。！!])");
    private static final Pattern CLAUSE_MARK_AT_END = Pattern.compile("[，,。！!]$");
    /** Words that make a percent a plan, not progress: {@code 计划完成60%}, {@code 争取年底完成90%}. */
    private static final Pattern FUTURE_BEFORE = Pattern.compile("(?:计划|预计|争取|力争|确保|拟|目标|要求)\\s*\\S{0,6}$");
    private static final Pattern EMPTY_PARENS = Pattern.compile("（\\s*）|\\(\\s*\\)");


    /** A piece of the message: a line, or a {@code ；} segment of one, with where it stands in the cleaned text. */
    record Piece(String text, int start, int end) {
    }

    /** The pieces that belong to one report, the first possibly opened by a task reference. */
    record Group(Optional<TaskReference> reference, List<Piece> pieces) {
    }

    /** A percent found in the text, with the span to remove from the progress text when it is the one taken. */
    private record Candidate(PercentMention mention, int textIndex, int spanStart, boolean bound) {
    }

    private PartReader() {
    }

    /** Reads one group into its report (or reports, for {@code 12、15 无变化}), or says why it cannot. */
    static List<ReportPart> read(Group group, String clean, boolean mayBePreamble) {
        return new GroupReader(group, clean, mayBePreamble).read();
    }

    private static final class GroupReader {
        private final Group group;
        private final String source;
        private final OptionalInt task;
        private final boolean mayBePreamble;

        /** Progress texts in order; the head (first) may have lost its leading percent and status words. */
        private final List<StringBuilder> texts = new ArrayList<>();
        private final List<Candidate> candidates = new ArrayList<>();
        private final List<PercentMention> unreadable = new ArrayList<>();
        private final Set<ReportStatus> statuses = new LinkedHashSet<>();
        private final List<String> statusWords = new ArrayList<>();
        private final List<ReportedMetric> metrics = new ArrayList<>();
        private OptionalInt percent = OptionalInt.empty();
        private String problems = "";
        private String next = "";
        private OptionalInt numerator = OptionalInt.empty();
        private OptionalInt denominator = OptionalInt.empty();
        private boolean noChange;
        private boolean hasFields;
        private boolean unreadableAtHead;
        /** The field a line without a label continues ({@code 下一步：} then {@code 1、…} on the next lines). */
        private String openField = "";
        private String vague;
        private String range;
        private String askCount;

        GroupReader(Group group, String clean, boolean mayBePreamble) {
            this.group = group;
            this.source = clean.substring(group.pieces().get(0).start(),
                    group.pieces().get(group.pieces().size() - 1).end());
            this.task = group.reference().map(r -> OptionalInt.of(r.number())).orElse(OptionalInt.empty());
            this.mayBePreamble = mayBePreamble;
        }

        List<ReportPart> read() {
            boolean first = true;
            for (Piece piece : group.pieces()) {
                String text = piece.text();
                if (first && group.reference().isPresent()) {
                    text = text.substring(group.reference().get().end());
                }
                String[] subs = INLINE_FIELD.split(text);
                for (int i = 0; i < subs.length; i++) {
                    String sub = subs[i].strip();
                    if (sub.isEmpty()) {
                        continue;
                    }
                    Matcher field = FIELD.matcher(sub);
                    Matcher spaced = SPACED_FIELD.matcher(sub);
                    if (field.matches()) {
                        field(field.group(1), field.group(2).strip());
                    } else if (spaced.matches()) {
                        field(spaced.group(1), spaced.group(2).strip());
                    } else if (first && i == 0) {
                        head(sub);
                    } else if (!openField.isEmpty()) {
                        field(openField, sub);
                    } else {
                        texts.add(new StringBuilder(sub));
                    }
                }
                first = false;
            }
            if (askCount != null) {
                return List.of(unreadable(askCount));
            }
            Optional<String> folded = anotherTask();
            if (folded.isPresent()) {
                return List.of(unreadable(folded.get()));
            }
            scanTexts();
            Optional<String> problem = problem();
            if (problem.isPresent()) {
                return List.of(unreadable(problem.get()));
            }
            return build();
        }

        /** A second task on the same line would be folded into this one's text: ask to split the line. */
        private Optional<String> anotherTask() {
            if (task.isEmpty()) {
                return Optional.empty();
            }
            List<String> written = new ArrayList<>();
            texts.forEach(t -> written.add(t.toString()));
            written.add(problems);
            written.add(next);
            for (String text : written) {
                Matcher m = ANOTHER_TASK.matcher(text);
                if (m.find()) {
                    return Optional.of(PartProblems.twoTasksOnALine(task.getAsInt(), m.group(1)));
                }
            }
            return Optional.empty();
        }

        private void field(String name, String value) {
            openField = "";
            boolean problem = PROBLEM_LABELS.contains(name);
            if (problem || NEXT_LABELS.contains(name)) {
                openField = name; // lines after it without a label continue it
                hasFields = true;
                // "问题：物流慢，下阶段计划：…" split before the next label leaves the comma (or full stop) behind
                String said = FIELD_END_MARKS.matcher(value).replaceFirst("");
                if (!EmptyAnswers.isNothing(said)) {
                    if (problem) {
                        problems = join(problems, said);
                    } else {
                        next = join(next, said);
                    }
                }
                return;
            }
            switch (name) {
                case "援滇人数", "援滇帮扶疗休养人数", "疗休养总人数", "总人数" -> {
                    hasFields = true;
                    Matcher count = COUNT.matcher(value);
                    if (!count.matches()) {
                        askCount = PartProblems.notACount(name);
                        return;
                    }
                    int n = Integer.parseInt(count.group(1));
                    if (name.startsWith("援滇")) {
                        numerator = OptionalInt.of(n);
                    } else {
                        denominator = OptionalInt.of(n);
                    }
                }
                case "总体进度", "进度", "状态" -> head(value);
                default -> texts.add(new StringBuilder(value));
            }
        }

        /** Reads percent, status and "no change" words at the start of a text; the rest is progress text. */
        private void head(String s) {
            ReportHead h = ReportHead.read(s, candidates.isEmpty());
            h.percents().forEach(m -> candidates.add(new Candidate(m, -1, m.start(), true)));
            if (!h.unreadable().isEmpty()) {
                unreadable.addAll(h.unreadable());
                unreadableAtHead = true;
            }
            h.statusWords().forEach(this::addStatus);
            noChange |= h.noChange();
            h.vague().ifPresent(v -> vague = v);
            h.range().ifPresent(r -> range = r);
            if (!h.rest().isEmpty()) {
                texts.add(new StringBuilder(h.rest()));
            }
        }

        private void addStatus(String word) {
            StatusWords.statusOf(word).ifPresent(st -> {
                statuses.add(st);
                statusWords.add(word);
            });
        }

        /** Percents, standalone status words, "no change" and metrics in the progress texts. */
        private void scanTexts() {
            for (int t = 0; t < texts.size(); t++) {
                String text = texts.get(t).toString();
                Matcher metric = METRIC.matcher(text);
                while (metric.find()) {
                    metrics.add(new ReportedMetric(metric.group(1), new BigDecimal(metric.group(2)), metric.group(3)));
                }
                if (LABELED_VAGUE.matcher(text).find()) {
                    Matcher v = LABELED_VAGUE.matcher(text);
                    v.find();
                    vague = vague == null ? v.group() : vague;
                }
                for (PercentMention m : PercentMention.findAll(text)) {
                    String before = text.substring(clauseStart(text, m.start()), m.start());
                    Matcher label = LABEL_BEFORE.matcher(before);
                    if (FUTURE_BEFORE.matcher(before).find()) {
                        continue; // 计划完成60%: a plan, not progress
                    }
                    if (label.find()) {
                        int spanStart = m.start() - (before.length() - label.start());
                        if (m.readable()) {
                            candidates.add(new Candidate(m, t, spanStart, true));
                        } else {
                            unreadable.add(m);
                        }
                    } else if (!FIGURE_BEFORE.matcher(before).find()) {
                        if (m.readable()) {
                            candidates.add(new Candidate(m, t, m.start(), false));
                        } else {
                            unreadable.add(m);
                        }
                    }
                }
                Matcher bareAfterLabel = BARE_LABEL.matcher(text);
                while (bareAfterLabel.find()) {
                    int at = bareAfterLabel.end();
                    boolean known = candidates.stream().anyMatch(c -> c.textIndex() >= 0 && c.mention().start() == at);
                    Optional<PercentMention> bare = known ? Optional.empty() : PercentMention.bareAt(text, at);
                    if (bare.isPresent() && PercentMention.at(text, at).isEmpty()) {
                        candidates.add(new Candidate(bare.get(), t, bareAfterLabel.start(), true));
                    }
                }
            }
        }

        private static int clauseStart(String text, int at) {
            int start = 0;
            Matcher end = CLAUSE_END.matcher(text);
            while (end.find() && end.start() < at) {
                start = end.end();
            }
            return start;
        }

        /** What prevents storing this part, if anything. */
        private Optional<String> problem() {
            // Standalone clauses: 受阻。 / 无变化 / 基本完成 written on their own between commas.
            for (StringBuilder text : texts) {
                for (String clause : CLAUSE_SPLIT.split(text.toString())) {
                    Optional<ReportStatus> st = StatusWords.wholeClause(clause);
                    if (st.isPresent()) {
                        statuses.add(st.get());
                        statusWords.add(clause.strip());
                    } else if (StatusWords.isNoChangeClause(clause)) {
                        noChange = true;
                    } else if (StatusWords.isVagueClause(clause) && vague == null) {
                        vague = clause.strip();
                    }
                }
            }
            String rest = progressWords();
            if (range != null) {
                return Optional.of(PartProblems.range(range, task, rest));
            }
            if (!unreadable.isEmpty() && (candidates.isEmpty() || unreadableAtHead)) {
                return Optional.of(PartProblems.invalidPercent(unreadable.get(0).written(), task, rest));
            }
            if (statuses.size() > 1) {
                return Optional.of(PartProblems.twoStatuses(statusWords, task, rest));
            }
            Optional<Candidate> chosen;
            List<Candidate> bound = candidates.stream().filter(Candidate::bound).toList();
            List<Candidate> pool = bound.isEmpty() ? candidates : bound;
            Set<BigDecimal> values = new LinkedHashSet<>();
            List<String> shown = new ArrayList<>();
            for (Candidate c : pool) {
                if (values.add(c.mention().value().stripTrailingZeros())) {
                    shown.add(c.mention().display());
                }
            }
            if (values.size() > 1) {
                return Optional.of(PartProblems.severalPercents(shown, task));
            }
            chosen = pool.isEmpty() ? Optional.empty() : Optional.of(pool.get(0));
            if (chosen.isPresent()) {
                PercentMention m = chosen.get().mention();
                if (m.value().signum() < 0) {
                    return Optional.of(PartProblems.negative(m, task, rest));
                }
                if (m.value().stripTrailingZeros().scale() > 0 && m.value().compareTo(BigDecimal.ONE) < 0
                        && !m.written().contains("%")) {
                    return Optional.of(PartProblems.fraction(m, task, rest));
                }
                if (m.value().stripTrailingZeros().scale() > 0) {
                    return Optional.of(PartProblems.decimal(m, task, rest));
                }
                if (m.value().compareTo(BigDecimal.valueOf(100)) > 0) {
                    return Optional.of(PartProblems.over100(m, task, rest));
                }
                percent = m.whole();
                removeChosen(chosen.get());
            } else if (vague != null) {
                return Optional.of(PartProblems.vague(vague, task, rest));
            } else {
                // 12 六十: a number in words where the percent goes; 六十 may mean 60% but it was not written so
                OptionalInt inWords = rest.length() <= 4 ? ChineseNumerals.parse(rest) : OptionalInt.empty();
                if (inWords.isPresent() && inWords.getAsInt() <= 100) {
                    return Optional.of(PartProblems.percentInWords(rest, inWords.getAsInt(), task));
                }
            }
            if (statuses.size() == 1 && percent.isPresent()) {
                ReportStatus st = statuses.iterator().next();
                int p = percent.getAsInt();
                if (st == ReportStatus.DONE && p < 100) {
                    return Optional.of(PartProblems.doneBelow100(p, task));
                }
                if (st == ReportStatus.NOT_STARTED && p > 0) {
                    return Optional.of(PartProblems.notStartedAbove0(p, task));
                }
            }
            return Optional.empty();
        }

        private void removeChosen(Candidate c) {
            if (c.textIndex() < 0) {
                return; // head words are not in the texts
            }
            StringBuilder text = texts.get(c.textIndex());
            String t = text.toString();
            int start = clauseStart(t, c.spanStart());
            Matcher next = CLAUSE_END.matcher(t);
            int end = next.find(c.mention().end()) ? next.start() : t.length();
            boolean atEdge = t.substring(start, c.spanStart()).isBlank() || t.substring(c.mention().end(), end).isBlank();
            if (atEdge) {
                text.delete(c.spanStart(), c.mention().end()); // 上架产品4款，进度60%: the figure is in 进度
            }
        }

        private String progressWords() {
            List<String> parts = new ArrayList<>();
            for (StringBuilder t : texts) {
                String s = t.toString().strip();
                if (!s.isEmpty()) {
                    parts.add(s);
                }
            }
            return String.join("；", parts);
        }

        private List<ReportPart> build() {
            Optional<ReportStatus> status = statuses.isEmpty() ? Optional.empty() : Optional.of(statuses.iterator().next());
            List<String> parts = new ArrayList<>();
            for (StringBuilder t : texts) {
                String s = tidy(t.toString());
                for (String word : statusWords) {
                    if (s.equals(word)) {
                        s = "";
                    }
                }
                s = dropStandaloneClauses(s);
                if (!s.isEmpty()) {
                    parts.add(s);
                }
            }
            String progress = String.join("；", parts);
            for (Matcher said = SAID_COUNT.matcher(progress); said.find(); ) {
                OptionalInt n = OptionalInt.of(Integer.parseInt(said.group(2)));
                if (said.group(1).startsWith("援滇") && numerator.isEmpty()) {
                    numerator = n;
                } else if (!said.group(1).startsWith("援滇") && denominator.isEmpty()) {
                    denominator = n;
                }
            }
            boolean empty = percent.isEmpty() && status.isEmpty() && progress.isEmpty() && problems.isEmpty()
                    && next.isEmpty() && numerator.isEmpty() && denominator.isEmpty() && !noChange;
            if (mayBePreamble && group.reference().isEmpty() && percent.isEmpty() && status.isEmpty() && !noChange
                    && !hasFields) {
                return List.of(new ReportPart.Preamble(source));
            }
            if (empty) {
                return List.of(unreadable(PartProblems.empty(hasFields, task)));
            }
            // "其余无变化" before the reports it leaves out needs no task number
            if (mayBePreamble && group.reference().isEmpty() && !StatusWords.isRestUnchangedClause(source)) {
                return List.of(unreadable(PartProblems.noTaskNumber(task, progress)));
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
            List<Integer> numbers = group.reference().map(TaskReference::numbers).orElse(List.of());
            if (numbers.size() > 1) {
                if (!noChange || percent.isPresent()) {
                    return List.of(unreadable(PartProblems.oneTaskPerLine(numbers.get(0), numbers.get(1))));
                }
            }
            List<ReportPart> out = new ArrayList<>();
            for (OptionalInt n : numbers.isEmpty() ? List.of(OptionalInt.empty())
                    : numbers.stream().map(OptionalInt::of).toList()) {
                out.add(new ReportPart.Read(source, new ParsedReport(n, percent, status, progress, problems, next,
                        numerator, denominator, noChange, metrics, source)));
            }
            return out;
        }

        private String dropStandaloneClauses(String s) {
            StringBuilder kept = new StringBuilder();
            for (String clause : AFTER_CLAUSE_MARK.split(s)) {
                String bare = CLAUSE_MARK_AT_END.matcher(clause).replaceAll("");
                if (StatusWords.wholeClause(bare).isPresent() || StatusWords.isNoChangeClause(bare)) {
                    continue;
                }
                kept.append(clause);
            }
            return tidy(kept.toString());
        }

        private ReportPart unreadable(String reason) {
            return new ReportPart.Unreadable(source, reason);
        }
    }

    private static String tidy(String s) {
        String once = DOUBLED_COMMA.matcher(EMPTY_PARENS.matcher(s).replaceAll("")).replaceAll("$1");
        String t = TRAILING_MARKS.matcher(LEADING_MARKS.matcher(once).replaceFirst("")).replaceFirst("").strip();
        return withoutUnopenedClose(withoutUnclosedOpen(t));
    }

    /** {@code 60%（已对接企业2家）}: with the percent taken, the bracket that closed around the text is left alone. */
    private static String withoutUnopenedClose(String t) {
        if ((t.endsWith("）") || t.endsWith(")")) && t.indexOf('（') < 0 && t.indexOf('(') < 0) {
            return t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static String withoutUnclosedOpen(String t) {
        if ((t.startsWith("（") || t.startsWith("(")) && t.indexOf('）') < 0 && t.indexOf(')') < 0) {
            return t.substring(1).strip();
        }
        return t;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "；" + b;
    }
}
