package io.duban.bot.text;

import java.util.regex.Pattern;

/** Strips the @mention a message starts with: {@code @督办助手 12 60% …} → {@code 12 60% …}. */
public final class Mentions {
    private static final Pattern LEADING = Pattern.compile("^(?:\\s*[@＠][^\\s\\u2005\\u00a0]+[\\s\\u2005\\u00a0]*)+");

    private Mentions() {
    }

    public static String stripLeading(String text) {
        return LEADING.matcher(text).replaceFirst("").strip();
    }
}
