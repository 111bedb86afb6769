package io.duban.bot.text;

import io.duban.plan.PlanTask;
import java.util.regex.Pattern;

/**
 * A task's short title for lists: the plan file's own short title when it has one, else the first clause of the
 * task text that says what is done (a clause opening with 根据/按照 only says why), cut at a word boundary
 * ({@code 、和及与}) rather than mid-phrase.
 */
public final class ShortTitles {
    public static final int MAX_CHARS = 14;
    private static final Pattern CLAUSE_END = Pattern.compile("[，。；：,;:！？]");
    private static final Pattern PREFACE = Pattern.compile("^(根据|按照|围绕|结合|依托|对照)");

    private ShortTitles() {
    }

    public static String of(PlanTask task) {
        String text = task.text().replaceFirst("^\\d+[.．、]\\s*", "").strip();
        String[] clauses = CLAUSE_END.split(text);
        String chosen = clauses.length == 0 ? text : clauses[0];
        for (String c : clauses) {
            String t = c.strip();
            if (!t.isEmpty() && !PREFACE.matcher(t).find() && !t.startsWith("“")) {
                chosen = t;
                break;
            }
        }
        chosen = chosen.strip();
        if (chosen.length() <= MAX_CHARS) {
            return chosen;
        }
        for (int i = MAX_CHARS; i >= MAX_CHARS / 2; i--) {
            char ch = chosen.charAt(i);
            if (ch == '、') {
                return chosen.substring(0, i);
            }
        }
        return chosen.substring(0, MAX_CHARS - 1) + "…";
    }
}
