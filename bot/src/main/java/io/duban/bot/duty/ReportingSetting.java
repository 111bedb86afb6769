package io.duban.bot.duty;

import io.duban.plan.Cadence;
import io.duban.plan.PlanTask;
import io.duban.plan.Reporting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an admin writes after {@code 设置}: a task number and the new cadence and/or who owes the report, e.g.
 * {@code 12 每两周}, {@code 7 每月 第2周}, {@code 16 节前 春节 国庆}, {@code 8 责任单位也报}, {@code 8 仅牵头单位}.
 * Words it does not know make the whole setting invalid: nothing is half-applied.
 */
public record ReportingSetting(int task, Optional<Cadence.Kind> kind, OptionalInt monthWeek, List<String> holidays,
                               Optional<Boolean> responsibleOwe) {

    public static final String EXAMPLE = "设置 12 每两周（或：每周、每月、每月 第2周、节前、完成时报一次、无需报送；"
            + "责任单位也报、仅牵头单位）";

    private static final Pattern HEAD = Pattern.compile("^(?:任务)?\\s*(\\d{1,4})\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern MONTH_WEEK = Pattern.compile("^第?\\s*([1-5一二三四五])\\s*(?:个报送周|周)$");
    private static final List<String> HOLIDAYS = List.of("元旦", "春节", "清明", "劳动节", "五一", "端午", "中秋", "国庆");

    /** The setting, or why it cannot be read (in Chinese, with the example). */
    public static Result parse(String args) {
        Matcher m = HEAD.matcher(args.strip());
        if (!m.matches()) {
            return new Result.Invalid("请写明任务编号和新的报送频率，例如：" + EXAMPLE);
        }
        int task = Integer.parseInt(m.group(1));
        Optional<Cadence.Kind> kind = Optional.empty();
        OptionalInt week = OptionalInt.empty();
        List<String> holidays = new ArrayList<>();
        Optional<Boolean> owe = Optional.empty();
        for (String word : m.group(2).strip().split("[\\s,，、;；]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Optional<Cadence.Kind> k = Cadence.Kind.parse(word);
            Matcher w = MONTH_WEEK.matcher(word);
            if (k.isPresent() && kind.isEmpty()) {
                kind = k;
            } else if (w.matches()) {
                week = OptionalInt.of("一二三四五".indexOf(w.group(1)) >= 0 ? "一二三四五".indexOf(w.group(1)) + 1
                        : Integer.parseInt(w.group(1)));
            } else if (HOLIDAYS.stream().anyMatch(h -> word.equals(h) || word.equals(h + "节"))) {
                holidays.add(HOLIDAYS.stream().filter(h -> word.equals(h) || word.equals(h + "节")).findFirst().orElseThrow());
            } else if (word.matches("责任单位(也|须|也须|也要)?(报|报送)")) {
                owe = Optional.of(true);
            } else if (word.matches("(仅|只由?)?牵头单位(报|报送)?") || word.equals("责任单位不报")) {
                owe = Optional.of(false);
            } else {
                return new Result.Invalid("没有看懂“" + word + "”。例如：" + EXAMPLE);
            }
        }
        if (kind.isEmpty() && owe.isEmpty()) {
            return new Result.Invalid(kind.isEmpty() && week.isEmpty() && holidays.isEmpty()
                    ? "请写明新的报送频率或报送单位，例如：" + EXAMPLE
                    : "请同时写明报送频率，例如：设置 " + task + (week.isPresent() ? " 每月 第" + week.getAsInt() + "周"
                    : " 节前 " + String.join(" ", holidays)));
        }
        if (week.isPresent() && kind.filter(k -> k == Cadence.Kind.MONTHLY).isEmpty()) {
            return new Result.Invalid("“第N周”只用于每月报送，例如：设置 " + task + " 每月 第2周");
        }
        if (!holidays.isEmpty() && kind.filter(k -> k == Cadence.Kind.BEFORE_HOLIDAYS).isEmpty()) {
            return new Result.Invalid("节日名称只用于节前报送，例如：设置 " + task + " 节前 春节 国庆");
        }
        return new Result.Ok(new ReportingSetting(task, kind, week, List.copyOf(holidays), owe));
    }

    /** The task's reporting with this setting applied. */
    public Reporting applyTo(PlanTask t) {
        Cadence cadence = kind.map(k -> new Cadence(k, k == Cadence.Kind.MONTHLY ? monthWeek.orElse(0) : 0,
                k == Cadence.Kind.BEFORE_HOLIDAYS ? holidays : List.of())).orElse(t.cadence());
        boolean oweNow = responsibleOwe.orElse(t.reporting().responsibleOwe());
        return new Reporting(cadence, oweNow, t.reporting().reason());
    }

    public sealed interface Result {
        record Ok(ReportingSetting setting) implements Result {
        }

        record Invalid(String reason) implements Result {
        }
    }
}
