package io.duban.storage;

import io.duban.roster.ChatBinding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which group chat belongs to which unit, and which is the leaders' group. */
public interface ChatRepository {

    Optional<ChatBinding> find(String chatId);

    List<ChatBinding> all();

    void seedFromFile(ChatBinding binding, Instant at);

    void saveFromChat(ChatBinding binding, Instant at);
}
