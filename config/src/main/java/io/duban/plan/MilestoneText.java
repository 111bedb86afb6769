package io.duban.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads milestones as people write them, in a 时间节点 cell of the 任务分解表 or in chat:
 * {@code 2023-10-31 完成产销对接会}, {@code 10月31日 完成产销对接会 60%}, several separated by ；or line breaks.
 */
public final class MilestoneText {
    public static final String EXAMPLE = "2023-10-31 完成产销对接会 60%";

    private static final Pattern ONE = Pattern.compile(
            "^(?:(\\d{4})[-/.年])?(\\d{1,2})[-/.月](\\d{1,2})日?\\s*[：:，,]?\\s*(.*?)\\s*"
                    + "(?:[（(]?\\s*(\\d{1,3})\\s*[%％]\\s*[)）]?)?$", Pattern.DOTALL);
    private static final Pattern SEPARATOR = Pattern.compile("[；;\\n\\r]+");

    private MilestoneText() {
    }

    /** Either a milestone or, in Chinese, why the text is not one. */
    public sealed interface Result {
        record Ok(Milestone milestone) implements Result {
        }

        record Invalid(String reason) implements Result {
        }
    }

    /** One milestone; a date without a year takes {@code year}. */
    public static Result parse(String text, int year) {
        Matcher m = ONE.matcher(text.strip());
        if (!m.matches()) {
            return new Result.Invalid("时间节点应以日期开头，例如：" + EXAMPLE);
        }
        int y = m.group(1) == null ? year : Integer.parseInt(m.group(1));
        LocalDate date;
        try {
            date = LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return new Result.Invalid("日期“" + m.group(2) + "月" + m.group(3) + "日”不存在，例如：" + EXAMPLE);
        }
        String what = m.group(4).strip();
        if (what.isEmpty()) {
            return new Result.Invalid("请写明到期应达成什么，例如：" + EXAMPLE);
        }
        OptionalInt percent = OptionalInt.empty();
        if (m.group(5) != null) {
            int p = Integer.parseInt(m.group(5));
            if (p > 100) {
                return new Result.Invalid("节点进度 " + p + "% 超过 100%，例如：" + EXAMPLE);
            }
            percent = OptionalInt.of(p);
        }
        return new Result.Ok(new Milestone(date, what, percent));
    }

    /** Every milestone in a cell; the first bad one makes the whole cell invalid. */
    public static List<Result> parseAll(String cell, int year) {
        List<Result> out = new ArrayList<>();
        for (String part : SEPARATOR.split(cell.strip())) {
            if (!part.isBlank()) {
                out.add(parse(part, year));
            }
        }
        return out;
    }

    public static Optional<String> firstError(List<Result> results) {
        return results.stream().filter(r -> r instanceof Result.Invalid)
                .map(r -> ((Result.Invalid) r).reason()).findFirst();
    }
}
