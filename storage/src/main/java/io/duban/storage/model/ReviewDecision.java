package io.duban.storage.model;

/** What the office decided about a report row when it checked it (核查). */
public enum ReviewDecision {
    PASSED("passed", "已通过"),
    RETURNED("returned", "已退回");

    private final String key;
    private final String label;

    ReviewDecision(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static ReviewDecision fromKey(String key) {
        for (ReviewDecision d : values()) {
            if (d.key.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown review decision " + key);
    }
}
