package io.duban.storage.model;

/** How a report row came to be. Rows are never changed; corrections and withdrawals are rows of their own. */
public enum ReportKind {
    REPORT("report"),
    CORRECTION("correction"),
    WITHDRAWAL("withdrawal");

    private final String key;

    ReportKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ReportKind fromKey(String key) {
        for (ReportKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown report kind " + key);
    }
}
