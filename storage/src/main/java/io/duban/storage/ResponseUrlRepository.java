package io.duban.storage;

import java.time.Instant;
import java.util.Optional;

/** The robot callback's {@code response_url} per inbound message id: where the one reply to that message goes. */
public interface ResponseUrlRepository {
    /** Remembers the URL; a repeated message id keeps the first one. */
    void remember(String messageId, String responseUrl, Instant at);

    Optional<String> find(String messageId);
}
