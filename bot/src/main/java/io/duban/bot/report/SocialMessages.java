package io.duban.bot.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Short social messages addressed to the bot ({@code 收到}, {@code 好的}, {@code 谢谢}, {@code 明白}, 👍): they
 * deserve a friendly answer, not "没有看懂".
 */
public final class SocialMessages {
    private static final List<String> WORDS = List.of("收到了", "收到", "已收到", "收悉", "好的", "好滴", "好嘞", "好",
            "行", "可以", "谢谢您", "谢谢", "多谢", "感谢", "辛苦了", "辛苦", "明白了", "明白", "知道了", "了解", "已阅",
            "嗯嗯", "嗯", "哦", "ok", "okay", "thanks", "thx", "没问题", "马上", "稍后", "马上报", "稍后报", "晚点报",
            "马上办", "这就报", "您好", "你好", "早上好", "下午好", "在的", "在吗", "在不在", "在么", "ok的", "辛苦啦",
            "谢啦", "hi", "hello")
            .stream().sorted((a, b) -> b.length() - a.length()).toList();
    private static final Pattern DECORATION = Pattern.compile(
            "\\[[^\\[\\]]{1,4}\\]|[\\p{So}\\p{Sk}\\p{P}\\p{Z}\\s~～啊呀哈啦呢吧哦喔嘛]");

    private SocialMessages() {
    }

    /**
     * The text without a social word it starts with: {@code 好的，12 60%} → {@code 12 60%}. Unchanged when the
     * text is nothing but social words, or does not start with one followed by punctuation or a space.
     */
    public static String stripLeading(String text) {
        for (String w : WORDS) {
            if (text.regionMatches(true, 0, w, 0, w.length()) && text.length() > w.length()) {
                char next = text.charAt(w.length());
                if ("，,。！!、 ".indexOf(next) >= 0) {
                    String rest = text.substring(w.length() + 1).strip();
                    return rest.isEmpty() || isSocial(rest) ? text : stripLeading(rest);
                }
            }
        }
        return text;
    }

    /** Whether the text (normalised) is only social words, emoji and punctuation. */
    public static boolean isSocial(String text) {
        if (text.isBlank() || text.length() > 40) {
            return false;
        }
        String rest = DECORATION.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
        if (rest.isEmpty()) {
            return text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL
                    || text.contains("[")); // 👍 or [强]; plain punctuation is not social
        }
        int at = 0;
        outer:
        while (at < rest.length()) {
            for (String w : WORDS) {
                if (rest.startsWith(w, at)) {
                    at += w.length();
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }
}
