package io.duban.bot.message;

/** Where a message was said: in a group chat, or to the bot alone. */
public enum ChatType {
    GROUP("group"),
    DIRECT("single");

    private final String key;

    ChatType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
