package io.duban.storage.model;

import java.util.regex.Pattern;

/**
 * "Nothing to say" written into a field: {@code 问题：无}, {@code 暂无}, {@code 没有}, {@code 无问题}, {@code —},
 * {@code /}, {@code 无。}, or the template's own {@code …}. Such a field is empty, not a problem: the parser does
 * not store it, and every view asks {@link ProgressReport#hasProblems()}, which asks this (so reports stored
 * before the parser knew better read the same way).
 */
public final class EmptyAnswers {
    private static final Pattern TRAILING = Pattern.compile("[。.！!；;，,\\s]+$");
    private static final Pattern NOTHING = Pattern.compile(
            "(?i)(?:目前|暂时|本周|当前)?(?:暂无|无|没有|没|未发现|尚无|并无)(?:明显|新的?|其他|任何)?"
                    + "(?:问题|困难|困难问题|问题和困难|困难和问题|异常|计划|安排)?"
                    + "|无无|正常|[-—–―~～/／\\\\_·…．.。]+|n/?a|none|nil|null|no");

    private EmptyAnswers() {
    }

    public static boolean isNothing(String value) {
        String v = TRAILING.matcher(value.strip()).replaceAll("");
        return v.isEmpty() || NOTHING.matcher(v).matches();
    }
}
