package io.duban.bot.command;

import io.duban.roster.Role;

/** Who may run a command. */
public enum Access {
    /** Anyone on the roster. */
    REGISTERED(Role.STAFF),
    /** Leaders and admins. */
    LEADER(Role.LEADER),
    /** Admins only. */
    ADMIN(Role.ADMIN);

    private final Role minimum;

    Access(Role minimum) {
        this.minimum = minimum;
    }

    public boolean allows(Role role) {
        return role.atLeast(minimum);
    }
}
