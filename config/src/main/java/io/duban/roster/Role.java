package io.duban.roster;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do with the bot. Each role includes what the roles before it may do. */
public enum Role {
    STAFF("staff", "工作人员"),
    CONTACT("contact", "联络员"),
    LEADER("leader", "领导"),
    ADMIN("admin", "管理员");

    private final String key;
    private final String label;

    Role(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** Accepts the English key or the Chinese label. */
    public static Optional<Role> parse(String s) {
        String v = s.strip();
        return Arrays.stream(values()).filter(r -> r.key.equalsIgnoreCase(v) || r.label.equals(v)).findFirst();
    }
}
