package io.duban.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * How often a task's progress is owed: its reporting periods. {@code monthWeek} picks the reporting week of the
 * month in which a monthly task is asked (1 = first, 0 = the last); {@code holidays} names the holidays a
 * before-holidays task is due ahead of (empty: the schedule's holiday list).
 */
public record Cadence(Kind kind, int monthWeek, List<String> holidays) {

    /** The kinds of cadence, with the key the plan file uses and the Chinese label chats show. */
    public enum Kind {
        WEEKLY("weekly", "每周"),
        BIWEEKLY("biweekly", "每两周"),
        MONTHLY("monthly", "每月"),
        BEFORE_HOLIDAYS("before-holidays", "节前"),
        ONCE("once", "完成时报一次"),
        NONE("none", "无需报送");

        private final String key;
        private final String label;

        Kind(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** A kind by its plan-file key ({@code biweekly}) or its Chinese label and common variants ({@code 每两周}). */
        public static Optional<Kind> parse(String s) {
            String t = s.strip();
            for (Kind k : values()) {
                if (k.key.equalsIgnoreCase(t) || k.label.equals(t)) {
                    return Optional.of(k);
                }
            }
            return switch (t) {
                case "每星期", "每周一次", "周报" -> Optional.of(WEEKLY);
                case "双周", "每双周", "隔周", "两周一次" -> Optional.of(BIWEEKLY);
                case "每月一次", "月报", "按月" -> Optional.of(MONTHLY);
                case "节假日前", "节前报送" -> Optional.of(BEFORE_HOLIDAYS);
                case "一次", "完成时", "完成时报送", "完成后报送" -> Optional.of(ONCE);
                case "不报送", "无需", "不需报送", "无" -> Optional.of(NONE);
                default -> Optional.empty();
            };
        }

        public static String keys() {
            StringBuilder sb = new StringBuilder();
            for (Kind k : values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k.key);
            }
            return sb.toString();
        }
    }

    public static final Cadence WEEKLY = new Cadence(Kind.WEEKLY, 0, List.of());

    public Cadence {
        requireNonNull(kind, "kind is null");
        holidays = List.copyOf(holidays);
        if (monthWeek < 0 || monthWeek > 5) {
            throw new IllegalArgumentException("monthWeek must be 0 (last) to 5, was " + monthWeek);
        }
    }

    public static Cadence of(Kind kind) {
        return new Cadence(kind, 0, List.of());
    }

    /**
     * Whether anyone owes reports on the task at all: {@code 无需报送} tasks (the office's own collecting, which the bot
     * does) are owed by nobody, so no view calls a unit's missing report on them 尚未报送.
     */
    public boolean expectsReports() {
        return kind != Kind.NONE;
    }

    /** {@code 每月（第2个报送周）}, {@code 节前（元旦、春节）}, {@code 每两周}. */
    public String label() {
        return switch (kind) {
            case MONTHLY -> monthWeek == 0 ? kind.label() : kind.label() + "（第" + monthWeek + "个报送周）";
            case BEFORE_HOLIDAYS -> holidays.isEmpty() ? kind.label() : kind.label() + "（" + String.join("、", holidays) + "）";
            default -> kind.label();
        };
    }
}
