package io.duban.storage.model;

/** Where a problem item stands. */
public enum ProblemState {
    OPEN("open", "未解决"),
    SOLVED("solved", "已解决"),
    /** Not mentioned in the unit's next two reports: closed, and shown as such. */
    LAPSED("lapsed", "未再提及"),
    /** Raised only in a report that was then withdrawn. */
    WITHDRAWN("withdrawn", "随报送撤回");

    private final String key;
    private final String label;

    ProblemState(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static ProblemState fromKey(String key) {
        for (ProblemState s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown problem state " + key);
    }
}
