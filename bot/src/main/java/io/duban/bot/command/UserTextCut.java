package io.duban.bot.command;

import io.duban.bot.text.UserText;

/** User text cut shorter than the configured quote length, for one-line lists. */
final class UserTextCut {
    private UserTextCut() {
    }

    static String cut(CommandContext ctx, String text, int max) {
        return UserText.escape(text, Math.min(max, ctx.services().config().settings().maxQuoteChars()));
    }
}
