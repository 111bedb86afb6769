package io.duban.bot.command;

import java.util.regex.Pattern;

/**
 * The words that turn a task number or a unit into a question — {@code 任务12怎么样了}, {@code 12 进展如何？},
 * {@code 集指科报了吗} — so that the task and unit queries answer them instead of reading them as reports.
 */
final class AskingWords {
    private static final String WORDS = "(?:的)?(?:本周|这周|今天|目前|最近|现在)?(?:怎么样了?|怎样了?|咋样了?|如何了?|进展如何|进度如何|情况如何|完成得?怎么样了?"
            + "|最新进展|最新情况|进展情况|进展|进度|情况|啥情况|到哪了|到哪一步了|报了吗|报了没有?|报没报|有没有报)?";
    private static final Pattern ONLY = Pattern.compile("\\s*" + WORDS + "\\s*[?？。！!]*");
    private static final Pattern TRAILING = Pattern.compile("\\s*" + WORDS + "\\s*[?？。！!]*$");

    private AskingWords() {
    }

    /** Whether the text holds nothing but asking words (or nothing at all). */
    static boolean only(String text) {
        return ONLY.matcher(text).matches();
    }

    /** The text without the asking words at its end: {@code 12怎么样了？} → {@code 12}. */
    static String stripTrailing(String text) {
        return TRAILING.matcher(text).replaceFirst("");
    }
}
