package io.duban.bot.report;

import io.duban.bot.report.normalize.ChineseNumerals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One percentage written in a text: {@code 60%}, {@code 60 %}, {@code 百分之六十}, {@code 百分之60}, {@code 六成},
 * or a bare number where the position says it is one ({@code 15 60 …}, {@code 进度60}). Text must be normalised
 * first ({@code ６０％} is then {@code 60%}).
 *
 * @param start   where the mention starts in the text (after any label)
 * @param end     where it ends
 * @param written the mention as written, for quoting back
 * @param value   the value, possibly negative, over 100 or with decimals; null when unreadable ({@code 六成%})
 */
public record PercentMention(int start, int end, String written, BigDecimal value) {
    private static final Pattern SIGN = Pattern.compile("(?<![\\d.])(-)?(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern HUNDREDTHS = Pattern.compile(
            "百分之\\s*(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二两三四五六七八九]+)?)");
    /** {@code 六成}; not 成员, 成本, 成果 …, and not inside a longer numeral ({@code 三五成群}). */
    private static final Pattern TENTHS = Pattern.compile(
            "(?<![零〇一二两三四五六七八九十百千\\d])([一二两三四五六七八九十])成([半一二三四五六七八九])?"
                    + "(?![员本品果功为立交熟长都效绩就型规分不])");
    /** {@code 六十%}: Chinese numerals with a percent sign. */
    private static final Pattern CHINESE_SIGN = Pattern.compile(
            "(?<![零〇一二两三四五六七八九十百千\\d])([零〇一二两三四五六七八九十百]{1,4})\\s*%");
    private static final Pattern BARE = Pattern.compile("^(-)?(\\d{1,6}(?:\\.\\d+)?)(?![\\d.%])");
    /** {@code 10.16}: month and day as people write a date before what happened on it. */
    private static final Pattern MONTH_DOT_DAY = Pattern.compile("\\s*(?:[1-9]|1[0-2])\\.(?:[1-9]|[12]\\d|3[01])");

    public boolean readable() {
        return value != null;
    }

    public boolean isWholePercent() {
        return value != null && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0
                && value.stripTrailingZeros().scale() <= 0;
    }

    public OptionalInt whole() {
        return isWholePercent() ? OptionalInt.of(value.intValueExact()) : OptionalInt.empty();
    }

    /** The value as people write it: {@code 60%}, {@code 60.5%}. */
    public String display() {
        return value == null ? written : value.stripTrailingZeros().toPlainString() + "%";
    }

    /** The percentage written exactly at {@code pos}, if one starts there. */
    public static java.util.Optional<PercentMention> at(String text, int pos) {
        if (pos >= text.length()) {
            return java.util.Optional.empty();
        }
        char c = text.charAt(pos);
        if (c == '-' || Character.isDigit(c)) {
            Matcher m = SIGN.matcher(text).useTransparentBounds(true).region(pos, text.length());
            return m.lookingAt() ? java.util.Optional.of(sign(m)) : java.util.Optional.empty();
        }
        if (c == '百') {
            Matcher m = HUNDREDTHS.matcher(text).region(pos, text.length());
            return m.lookingAt() ? java.util.Optional.of(hundredths(m)) : java.util.Optional.empty();
        }
        if (c == '%') {
            return java.util.Optional.of(new PercentMention(pos, pos + 1, "%", null));
        }
        if (ChineseNumerals.isNumeral(c)) {
            Matcher m = TENTHS.matcher(text).useTransparentBounds(true).region(pos, text.length());
            if (m.lookingAt()) {
                return java.util.Optional.of(tenths(text, m));
            }
            Matcher sign = CHINESE_SIGN.matcher(text).useTransparentBounds(true).region(pos, text.length());
            return sign.lookingAt() ? java.util.Optional.of(chineseSign(sign)) : java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    private static PercentMention sign(Matcher m) {
        BigDecimal v = new BigDecimal(m.group(2));
        return new PercentMention(m.start(), m.end(), m.group(), m.group(1) != null ? v.negate() : v);
    }

    private static PercentMention chineseSign(Matcher m) {
        String n = m.group(1);
        BigDecimal v = n.equals("零") || n.equals("〇") ? BigDecimal.ZERO : n.equals("百") ? BigDecimal.valueOf(100)
                : ChineseNumerals.parse(n).isPresent() ? BigDecimal.valueOf(ChineseNumerals.parse(n).getAsInt()) : null;
        return new PercentMention(m.start(), m.end(), m.group(), v);
    }

    private static PercentMention hundredths(Matcher m) {
        return new PercentMention(m.start(), m.end(), m.group(), chineseValue(m.group(1)));
    }

    private static PercentMention tenths(String text, Matcher m) {
        int tens = ChineseNumerals.parse(m.group(1)).orElse(0) * 10;
        String more = m.group(2);
        BigDecimal v = BigDecimal.valueOf(tens);
        if (more != null) {
            v = v.add(BigDecimal.valueOf(more.equals("半") ? 5 : ChineseNumerals.parse(more).orElse(0))); // 六成半
        }
        boolean signAfter = m.end() < text.length() && text.charAt(m.end()) == '%';
        int end = signAfter ? m.end() + 1 : m.end();
        return new PercentMention(m.start(), end, text.substring(m.start(), end), signAfter ? null : v);
    }

    /** Every written percentage in the text, in order. Unreadable ones ({@code 六成%}) have a null value. */
    public static List<PercentMention> findAll(String text) {
        List<PercentMention> found = new ArrayList<>();
        if (text.indexOf('%') < 0 && text.indexOf('百') < 0 && text.indexOf('成') < 0) {
            return found;
        }
        Matcher sign = SIGN.matcher(text);
        while (sign.find()) {
            found.add(sign(sign));
        }
        Matcher hundredths = HUNDREDTHS.matcher(text);
        while (hundredths.find()) {
            if (!overlaps(found, hundredths.start(), hundredths.end())) {
                found.add(hundredths(hundredths));
            }
        }
        Matcher tenths = TENTHS.matcher(text);
        while (tenths.find()) {
            if (!overlaps(found, tenths.start(), tenths.end())) {
                found.add(tenths(text, tenths));
            }
        }
        Matcher chineseSign = CHINESE_SIGN.matcher(text);
        while (chineseSign.find()) {
            if (!overlaps(found, chineseSign.start(), chineseSign.end())) {
                found.add(chineseSign(chineseSign));
            }
        }
        for (int at = text.indexOf('%'); at >= 0; at = text.indexOf('%', at + 1)) {
            if (!overlaps(found, at, at + 1)) {
                found.add(new PercentMention(at, at + 1, "%", null)); // a sign without a number
            }
        }
        found.sort((a, b) -> Integer.compare(a.start, b.start));
        return found;
    }

    /** A bare number at {@code from} ({@code 15 60 上架…}): a percent by its position, unless a unit follows. */
    public static java.util.Optional<PercentMention> bareAt(String text, int from) {
        Matcher m = BARE.matcher(text.substring(from));
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        int end = from + m.end();
        int look = end;
        while (look < text.length() && text.charAt(look) == ' ') {
            look++;
        }
        if (look < text.length()) {
            char next = text.charAt(look);
            if ((TaskReference.UNIT_CHARS.indexOf(next) >= 0 && !text.startsWith("百分之", look))
                    || (next < 0x80 && Character.isLetter(next))) {
                return java.util.Optional.empty(); // 4 款, 12.5 万元, 3kg: a quantity
            }
            if (look == end && !isHan(next) && "，,。；;、：:（(".indexOf(next) < 0) {
                return java.util.Optional.empty(); // 1/2, 3-4: not a percent by position
            }
            if (isHan(next) && MONTH_DOT_DAY.matcher(m.group()).matches()) {
                return java.util.Optional.empty(); // 10.16召开推介会: a date
            }
        }
        BigDecimal v = new BigDecimal(m.group(2));
        return java.util.Optional.of(new PercentMention(from, end, m.group(), m.group(1) != null ? v.negate() : v));
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static BigDecimal chineseValue(String n) {
        if (Character.isDigit(n.charAt(0))) {
            return new BigDecimal(n);
        }
        if (n.equals("百")) {
            return BigDecimal.valueOf(100);
        }
        String[] parts = n.split("点", 2);
        OptionalInt whole = ChineseNumerals.parse(parts[0]);
        if (whole.isEmpty()) {
            return parts[0].equals("零") || parts[0].equals("〇") ? fraction(BigDecimal.ZERO, parts) : null;
        }
        return fraction(BigDecimal.valueOf(whole.getAsInt()), parts);
    }

    private static BigDecimal fraction(BigDecimal whole, String[] parts) {
        if (parts.length < 2) {
            return whole;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : parts[1].toCharArray()) {
            digits.append(ChineseNumerals.DIGITS.indexOf(c) <= 1 ? 0 : ChineseNumerals.parse(String.valueOf(c)).orElse(0));
        }
        return whole.add(new BigDecimal("0." + digits));
    }

    private static boolean overlaps(List<PercentMention> found, int start, int end) {
        for (PercentMention m : found) {
            if (start < m.end && m.start < end) {
                return true;
            }
        }
        return false;
    }
}
