package io.duban.bot;

import io.duban.bot.command.RemindNowCommand;
import io.duban.bot.engine.BotEngine;
import io.duban.bot.schedule.RhythmService;
import io.duban.config.ConfigDirectory;
import io.duban.roster.ChatBinding;
import io.duban.roster.Person;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The wired bot: configuration, storage, clock and engine. Built once per process by the command line; every
 * transport and job takes what it needs from here. Nothing in here knows a wire protocol.
 */
public final class App implements AutoCloseable {
    private final Path home;
    private final ConfigDirectory config;
    private final Storage storage;
    private final Clock clock;
    private final Map<String, String> env;
    private final BotEngine engine;
    private final RhythmService rhythm;

    public App(Path home, ConfigDirectory config, Storage storage, Clock clock, Map<String, String> env) {
        this.home = home;
        this.config = config;
        this.storage = storage;
        this.clock = clock;
        this.env = Map.copyOf(env);
        seedRoster();
        this.rhythm = RhythmService.create(config, storage, clock);
        this.engine = new BotEngine(config, storage, clock, storage.closures()::isClosed,
                List.of(new RemindNowCommand(rhythm)));
    }

    /** Loads {@code configDir}, opens and migrates {@code jdbcUrl}. */
    public static App open(Path home, Path configDir, String jdbcUrl, Clock clock, Map<String, String> env) {
        ConfigDirectory config = ConfigDirectory.load(configDir, env::get);
        Storage storage = Storage.open(jdbcUrl);
        return new App(home, config, storage, clock, env);
    }

    private void seedRoster() {
        for (Person p : config.roster().people()) {
            storage.people().seedFromFile(p, clock.instant());
        }
        for (ChatBinding c : config.roster().chats()) {
            storage.chats().seedFromFile(c, clock.instant());
        }
    }

    public Path home() {
        return home;
    }

    public ConfigDirectory config() {
        return config;
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> env() {
        return env;
    }

    public BotEngine engine() {
        return engine;
    }

    /** The weekly rhythm: scheduled prompts, reminders and summaries. {@code serve} starts its loop. */
    public RhythmService rhythm() {
        return rhythm;
    }

    @Override
    public void close() {
        storage.close();
    }
}
