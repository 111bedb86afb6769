package io.duban.storage;

import io.duban.roster.Person;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The people the bot knows. Rows from the roster file are refreshed at start; rows edited in chat are kept. */
public interface PersonRepository {

    Optional<Person> find(String userId);

    List<Person> all();

    /** Inserts or refreshes a person from the roster file, unless an admin has edited that person in chat. */
    void seedFromFile(Person person, Instant at);

    /** Inserts or replaces a person as an admin set them in chat. */
    void saveFromChat(Person person, Instant at);
}
