package io.duban.storage.model;

import java.util.Arrays;
import java.util.Optional;

/** The status word a unit gives with its report. */
public enum ReportStatus {
    NOT_STARTED("未启动"),
    IN_PROGRESS("推进中"),
    DONE("已完成"),
    BLOCKED("受阻");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ReportStatus> fromLabel(String s) {
        return Arrays.stream(values()).filter(v -> v.label.equals(s)).findFirst();
    }
}
