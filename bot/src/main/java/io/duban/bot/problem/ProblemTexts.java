package io.duban.bot.problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a report's 问题 field into separate problems and tells whether two texts name the same problem (people
 * rarely write it the same way twice: "冷链成本高" and "冷链运输成本偏高" are one problem).
 */
public final class ProblemTexts {
    private static final Pattern SEPARATOR = Pattern.compile("[；;\\n\\r]+|(?<=[。])|(?:^|\\s)(?=[(（]?\\d{1,2}[.、)）])");
    private static final Pattern NUMBERING = Pattern.compile("^[(（]?\\d{1,2}[.、)）]\\s*");
    private static final Pattern NONE = Pattern.compile("^(?:无|暂无|没有|无问题|暂无问题|没有问题|无困难|暂无困难)[。.]?$");
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}，。、；：！？“”‘’（）《》【】…—]+");

    private ProblemTexts() {
    }

    /** The separate problems in a 问题 field; none for an empty field or "无/暂无". */
    public static List<String> split(String field) {
        List<String> out = new ArrayList<>();
        for (String part : SEPARATOR.split(field.strip())) {
            String p = NUMBERING.matcher(part.strip()).replaceFirst("").strip();
            p = p.replaceFirst("[。；;，,]+$", "");
            if (!p.isEmpty() && !NONE.matcher(p).matches()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Whether two texts name the same problem: equal after removing punctuation, one containing the other, or
     * sharing most of their two-character pieces (Dice coefficient of character bigrams at least 0.5), or the
     * shorter one (at least four characters) appearing in the longer one in order with few gaps (its longest common
     * subsequence covers three quarters of it: "冷链成本高" in "冷链运输成本仍然高").
     */
    public static boolean same(String a, String b) {
        String x = NOISE.matcher(a).replaceAll("");
        String y = NOISE.matcher(b).replaceAll("");
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y) || (Math.min(x.length(), y.length()) >= 3 && (x.contains(y) || y.contains(x)))) {
            return true;
        }
        int shorter = Math.min(x.length(), y.length());
        if (shorter >= 4 && lcs(x, y) * 4 >= shorter * 3) {
            return true;
        }
        Set<String> bx = bigrams(x);
        Set<String> by = bigrams(y);
        if (bx.isEmpty() || by.isEmpty()) {
            return false;
        }
        Set<String> common = new HashSet<>(bx);
        common.retainAll(by);
        return 2.0 * common.size() / (bx.size() + by.size()) >= 0.5;
    }

    private static int lcs(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }
}
