package io.duban.storage.model;

/** A step in closing a task (销号): the lead unit requests, the office approves or returns the request. */
public enum ClosureAction {
    REQUESTED("requested", "申请办结"),
    APPROVED("approved", "已销号"),
    RETURNED("returned", "办结申请被退回");

    private final String key;
    private final String label;

    ClosureAction(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static ClosureAction fromKey(String key) {
        for (ClosureAction a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown closure action " + key);
    }
}
