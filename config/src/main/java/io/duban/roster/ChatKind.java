package io.duban.roster;

/** What a group chat is for. */
public enum ChatKind {
    /** A unit's own group: prompts and reminders for that unit go there, and its staff report there. */
    UNIT("unit"),
    /** The leaders' group: weekly summaries and monthly 通报. */
    LEADERS("leaders");

    private final String key;

    ChatKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ChatKind parse(String s) {
        for (ChatKind k : values()) {
            if (k.key.equalsIgnoreCase(s.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown chat kind: " + s);
    }
}
