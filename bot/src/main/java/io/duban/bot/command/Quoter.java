package io.duban.bot.command;

import io.duban.bot.text.UserText;

/** Escapes user text for repeating it in a reply, cut to the configured length ({@code maxQuoteChars}). */
public record Quoter(int maxChars) {

    public String quote(String userText) {
        return UserText.escape(userText, maxChars);
    }

    /** Cut shorter still, for one-line lists. */
    String cut(String userText, int max) {
        return UserText.escape(userText, Math.min(max, maxChars));
    }
}
