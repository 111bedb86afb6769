package io.duban.bot.testing;

import io.duban.bot.App;
import io.duban.bot.engine.ChatType;
import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import io.duban.storage.model.OutboxEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The whole bot on a real SQLite file, with the repository's config and a clock the test moves. */
public final class TestBot implements AutoCloseable {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MutableClock clock;
    private final App app;
    private final AtomicInteger ids = new AtomicInteger();

    public TestBot(Path dir, String start) {
        this.clock = new MutableClock(OffsetDateTime.parse(start).toInstant(), ZONE);
        ConfigDirectory config = ConfigDirectory.load(copyConfig(dir), System::getenv);
        Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"));
        this.app = new App(dir, config, storage, clock, Map.of());
    }

    /** A copy of the repository's config under {@code dir}, so that files the bot writes land in {@code dir}. */
    private static Path copyConfig(Path dir) {
        Path source = Path.of("../config");
        Path target = dir.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).filter(TestBot::isConfigFile).toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static boolean isConfigFile(Path f) {
        String rel = Path.of("../config").relativize(f).toString().replace('\\', '/');
        return (rel.endsWith(".yaml") || rel.endsWith(".yml")) && !rel.startsWith("src/") && !rel.startsWith("target/");
    }

    public App app() {
        return app;
    }

    public MutableClock clock() {
        return clock;
    }

    /** A one-to-one message from a person. */
    public String say(String userId, String text) {
        return send(userId, Optional.empty(), text);
    }

    /** A message in a group chat. */
    public String sayIn(String chatId, String userId, String text) {
        return send(userId, Optional.of(chatId), text);
    }

    private String send(String userId, Optional<String> chatId, String text) {
        InboundMessage m = new InboundMessage("m" + ids.incrementAndGet(), "test", userId,
                chatId.isPresent() ? ChatType.GROUP : ChatType.DIRECT, chatId, text, Optional.empty(), clock.instant());
        List<Reply> replies = app.engine().handle(m);
        return replies.isEmpty() ? "" : replies.get(0).text();
    }

    public List<OutboxEntry> outbox() {
        return app.storage().outbox().list(List.of(OutboxEntry.Status.PENDING), 1000);
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public void close() {
        app.close();
    }

    /** A clock the test sets and moves. */
    public static final class MutableClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        public MutableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new MutableClock(now, z);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
