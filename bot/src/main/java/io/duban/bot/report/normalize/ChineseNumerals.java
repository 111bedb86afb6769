package io.duban.bot.report.normalize;

import java.util.OptionalInt;

/** Chinese numerals as people write task numbers and percents: 十二, 二十, 一百零五, 两千. Up to 9999. */
public final class ChineseNumerals {
    public static final String DIGITS = "零〇一二两三四五六七八九";
    public static final String ALL = DIGITS + "十百千";

    private ChineseNumerals() {
    }

    public static boolean isNumeral(char c) {
        return ALL.indexOf(c) >= 0;
    }

    /** The value of a whole string of Chinese numerals, or empty when it is not a well-formed number. */
    public static OptionalInt parse(String s) {
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        int total = 0;
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean zero = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d == 0) {
                if (total == 0 || digit >= 0 || zero) {
                    return OptionalInt.empty();
                }
                zero = true;
            } else if (d > 0) {
                if (digit >= 0) {
                    return OptionalInt.empty(); // 一二 is not a number
                }
                digit = d;
            } else {
                int unit = switch (c) {
                    case '十' -> 10;
                    case '百' -> 100;
                    case '千' -> 1000;
                    default -> -1;
                };
                if (unit < 0 || unit >= lastUnit || (zero && unit != 10)) {
                    return OptionalInt.empty();
                }
                if (digit < 0) {
                    if (unit != 10) {
                        return OptionalInt.empty();
                    }
                    digit = 1; // 十二 = 12
                }
                total += digit * unit;
                lastUnit = unit;
                digit = -1;
                zero = false;
            }
        }
        if (zero && digit < 0) {
            return OptionalInt.empty(); // 一百零 is unfinished
        }
        if (digit >= 0) {
            if (lastUnit >= 100 && lastUnit != Integer.MAX_VALUE && !zero) {
                return OptionalInt.empty(); // 一百五 is 150 to some and 105 to others
            }
            total += digit;
        }
        return total == 0 ? OptionalInt.empty() : OptionalInt.of(total);
    }

    /** The Chinese numeral for 1–99 as people write it (十二, 二十, 九十九); other values in digits. */
    public static String of(int n) {
        String ones = "零一二三四五六七八九";
        if (n <= 0 || n >= 100) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(ones.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : ones.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + ones.charAt(n % 10);
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
