package io.duban.bot.testing;

import io.duban.bot.engine.ChatType;
import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import io.duban.bot.App;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import io.duban.storage.model.OutboxEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole bot on the shipped configuration and a real SQLite file, driven like Errbot's test backend:
 * {@code say(user, chat, text)} returns the reply text.
 */
public final class TestBot implements AutoCloseable {
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");
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
        ConfigDirectory config = ConfigDirectory.load(copyConfig(dir), name -> null);
        this.app = new App(dir, config, Storage.open("jdbc:sqlite:" + dbFile), clock, Map.of());
    }

    /** A copy of the repository's config under {@code dir}, so that files the bot writes (exports) land there. */
    private static Path copyConfig(Path dir) {
        Path source = Path.of("../config");
        Path target = dir.resolve("config");
        if (Files.isDirectory(target)) {
            return target;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = source.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("src/") || rel.startsWith("target/") || rel.equals("duban.yml")
                        || !(rel.endsWith(".yaml") || rel.endsWith(".yml"))) {
                    continue;
                }
                Path to = target.resolve(rel);
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public App app() {
        return app;
    }

    public MutableClock clock() {
        return clock;
    }

    /** A one-to-one message; the reply's text, or "" for none. */
    public String say(String user, String text) {
        List<Reply> replies = send("m-" + ids.incrementAndGet(), user, null, text);
        return replies.isEmpty() ? "" : replies.get(0).text();
    }

    /** A message in a group chat; the reply's text, or "" for none. */
    public String sayIn(String chatId, String user, String text) {
        List<Reply> replies = send("m-" + ids.incrementAndGet(), user, chatId, text);
        return replies.isEmpty() ? "" : replies.get(0).text();
    }

    /** The pending outbox. */
    public List<OutboxEntry> outbox() {
        return app.storage().outbox().list(List.of(OutboxEntry.Status.PENDING), 1000);
    }

    public void advance(Duration d) {
        clock.advance(d);
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
