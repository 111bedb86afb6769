package io.duban.bot;

import io.duban.bot.engine.ChatType;
import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole bot on the shipped configuration and a real SQLite file, driven like Errbot's test backend:
 * {@code say(user, chat, text)} returns the reply text.
 */
public final class TestBot implements AutoCloseable {
    public final MutableClock clock;
    public final App app;
    private final Path dbFile;
    private final AtomicInteger ids = new AtomicInteger();

    public TestBot(Path dir, String now) {
        this(dir, MutableClock.at(now));
    }

    public TestBot(Path dir, MutableClock clock) {
        this.clock = clock;
        this.dbFile = dir.resolve("duban.db");
        ConfigDirectory config = ConfigDirectory.load(Path.of("../config"), name -> null);
        this.app = new App(dir, config, Storage.open("jdbc:sqlite:" + dbFile), clock, Map.of());
    }

    /** The same database and clock, a new process as far as the bot can tell. */
    public TestBot restart() {
        app.close();
        return new TestBot(dbFile.getParent(), clock);
    }

    public List<Reply> send(String messageId, String user, String chatId, String text) {
        return app.engine().handle(new InboundMessage(messageId, "test", user,
                chatId == null ? ChatType.DIRECT : ChatType.GROUP, Optional.ofNullable(chatId), text,
                Optional.empty(), clock.instant()));
    }

    /** Sends and returns the one reply's text. */
    public String say(String user, String chatId, String text) {
        List<Reply> replies = send("m-" + System.nanoTime() + "-" + ids.incrementAndGet(), user, chatId, text);
        if (replies.size() != 1) {
            throw new AssertionError("expected one reply, got " + replies);
        }
        return replies.get(0).text();
    }

    public String sayQuoting(String user, String chatId, String text, String quoted) {
        List<Reply> replies = app.engine().handle(new InboundMessage("q-" + ids.incrementAndGet(), "test", user,
                ChatType.GROUP, Optional.of(chatId), text, Optional.of(quoted), clock.instant()));
        return replies.get(0).text();
    }

    @Override
    public void close() {
        app.close();
    }
}
