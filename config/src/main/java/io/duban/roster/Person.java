package io.duban.roster;

import static java.util.Objects.requireNonNull;

/** A WeCom member the bot knows: their userid, name, unit and role. */
public record Person(String userId, String name, String unit, Role role) {
    public Person {
        requireNonNull(userId, "userId is null");
        requireNonNull(name, "name is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(role, "role is null");
    }
}
