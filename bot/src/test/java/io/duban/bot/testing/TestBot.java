package io.duban.bot.testing;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.Reply;
import io.duban.bot.App;
import io.duban.bot.console.ImmediateReplies;
import io.duban.bot.command.Command;
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
    private final List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ImmediateReplies replies;

    public TestBot(Path dir, String now) {
        this(dir, MutableClock.at(now));
    }

    public TestBot(Path dir, MutableClock clock) {
        this(dir, clock, List.of());
    }

    /** @param extra more chat commands, e.g. one that fails */
    public TestBot(Path dir, MutableClock clock, List<Command> extra) {
        this(dir, clock, extra, Map.of());
    }

    /** @param env the environment the bot sees (e.g. WeCom settings pointing at fakes on loopback) */
    public TestBot(Path dir, MutableClock clock, List<Command> extra, Map<String, String> env) {
        this.clock = clock;
        this.dbFile = dir.resolve("duban.db");
        ConfigDirectory config = ConfigDirectory.load(copyConfig(dir), name -> null);
        this.app = new App(dir, config, Storage.open("jdbc:sqlite:" + dbFile), clock, env, extra);
        this.replies = new ImmediateReplies(app.engine(), app.storage(), clock, TRANSPORT, heard::add);
    }

    /** The transport name of messages the test bot sends. */
    public static final String TRANSPORT = "test";

    /**
     * A copy of the repository's config under {@code dir} (kept if there is one already), so that files the bot
     * writes (exports) land there and a test may add files of its own before the bot starts.
     */
    public static Path copyConfig(Path dir) {
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
        return send(new InboundMessage(messageId, TRANSPORT, user,
                chatId == null ? ChatType.DIRECT : ChatType.GROUP, Optional.ofNullable(chatId), text,
                Optional.empty(), clock.instant()));
    }

    /**
     * Hands the message to the engine and takes its answer from the outbox, as the local chat does.
     * @return the answer; none for a repeat
     */
    public synchronized List<Reply> send(InboundMessage message) {
        heard.clear();
        replies.send(message);
        List<Reply> answers = heard.stream().map(Reply::of).toList();
        heard.clear();
        return answers;
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
        List<Reply> answers = send(new InboundMessage("q-" + ids.incrementAndGet(), TRANSPORT, user,
                ChatType.GROUP, Optional.of(chatId), text, Optional.of(quoted), clock.instant()));
        return answers.get(0).text();
    }

    @Override
    public void close() {
        app.close();
    }
}
