package io.duban.roster;

import java.util.List;

/** The people and group chats configured in {@code config/roster.yaml}: the starting point that admins edit in chat. */
public record Roster(List<Person> people, List<ChatBinding> chats) {
    public Roster {
        people = List.copyOf(people);
        chats = List.copyOf(chats);
    }
}
