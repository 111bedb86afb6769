package io.duban.bot.cli;

import io.duban.bot.App;
import io.duban.bot.settings.BotSettings;
import io.duban.config.ConfigDirectory;
import io.duban.config.YamlNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command takes, before or after the command's name: {@code duban --db X serve} and
 * {@code duban serve --db X} are the same. Every command mixes these in; whichever instance picocli fills, the value
 * lands on the top-level command's instance, and every command reads it from there. Resolution order: command line,
 * then environment ({@code DUBAN_DB}, {@code DUBAN_CONFIG}), then {@code duban.yml} ({@code database:}), then the
 * default. Defaults resolve against
 * {@code DUBAN_HOME} (the launcher sets it to the checkout), so {@code ./duban} works from any folder.
 */
public final class GlobalOptions {
    private OffsetDateTime now;
    private OffsetDateTime nowRunsFrom;
    private String db;
    private Path configDir;

    Map<String, String> env = System.getenv();

    /** The command this instance is mixed into; null when a test builds a command by hand. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--now", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Fix the clock at this moment, e.g. 2023-10-09T09:00+08:00 (rehearsals and tests).")
    void setNow(OffsetDateTime value) {
        if (value != null) {
            root().now = value;
        }
    }

    @Option(names = "--now-runs-from", paramLabel = "REAL_TIME", converter = TimeConverter.class,
            description = "与 --now 同用：--now 所代表的真实时刻；时钟从那一刻起照常走动（几个实例共用一个演练时钟）。"
                    + " With --now: the real moment --now stands for; the clock runs on from there, so several"
                    + " instances given the same pair share one rehearsal clock.")
    void setNowRunsFrom(OffsetDateTime value) {
        if (value != null) {
            root().nowRunsFrom = value;
        }
    }

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database, e.g. jdbc:sqlite:data/duban.db or jdbc:postgresql://host/duban. Env: DUBAN_DB.")
    void setDb(String value) {
        if (value != null) {
            root().db = value;
        }
    }

    @Option(names = "--config", paramLabel = "DIR",
            description = "Configuration folder (default: config/ of the installation). Env: DUBAN_CONFIG.")
    void setConfigDir(Path value) {
        if (value != null) {
            root().configDir = value;
        }
    }

    /** The top-level command's options, where every value given on the command line is kept. */
    private GlobalOptions root() {
        if (mixee == null || !(mixee.root().userObject() instanceof DubanCommand top) || top.global == null) {
            return this;
        }
        return top.global;
    }

    /** The environment the settings are read with. */
    public Map<String, String> env() {
        return root().env;
    }

    public Path home() {
        String home = env().get("DUBAN_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    public Path configDir() {
        Path configDir = root().configDir;
        if (configDir != null) {
            return configDir;
        }
        String fromEnv = env().get("DUBAN_CONFIG");
        return fromEnv == null || fromEnv.isBlank() ? home().resolve("config") : Path.of(fromEnv);
    }

    /**
     * The database: {@code --db}, else {@code DUBAN_DB}, else {@code database:} in {@code duban.yml} (may be a
     * {@code ${ENV}} reference), else {@code data/duban.db} of the installation.
     */
    public String jdbcUrl() {
        String db = root().db;
        if (db != null && !db.isBlank()) {
            return db;
        }
        String fromEnv = env().get("DUBAN_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path settingsFile = configDir().resolve(ConfigDirectory.SETTINGS_FILE);
        if (java.nio.file.Files.exists(settingsFile)) {
            java.util.Optional<String> fromFile = YamlNode.read(settingsFile, env()::get).get("database")
                    .map(YamlNode::nonBlankText);
            if (fromFile.isPresent()) {
                return fromFile.get();
            }
        }
        return "jdbc:sqlite:" + home().resolve("data").resolve("duban.db");
    }

    public ConfigDirectory loadConfig() {
        return ConfigDirectory.load(configDir(), env()::get);
    }

    /**
     * The clock: fixed by {@code --now}, or running from it when {@code --now-runs-from} names the real moment it
     * stands for; otherwise the system clock.
     */
    public Clock clock(ZoneId zone) {
        OffsetDateTime now = root().now;
        if (now == null) {
            return Clock.system(zone);
        }
        OffsetDateTime runsFrom = root().nowRunsFrom;
        return runsFrom == null ? Clock.fixed(now.toInstant(), zone)
                : Clock.offset(Clock.system(zone), java.time.Duration.between(runsFrom.toInstant(), now.toInstant()));
    }

    /**
     * The clock for the local chat: {@code --now} if given; otherwise, when today lies outside the plan's period,
     * the demo date from the settings, running forward from there, so that the demo shows a living plan.
     */
    public Clock chatClock(ConfigDirectory config) {
        ZoneId zone = config.settings().zone();
        if (!usesDemoClock(config)) {
            return clock(zone);
        }
        return new io.duban.bot.console.DemoClock(Clock.system(zone), config.settings().demoNow().toInstant());
    }

    /** True when the chat runs on the demo clock: no {@code --now}, and today lies outside the plan's period. */
    public boolean usesDemoClock(ConfigDirectory config) {
        if (root().now != null) {
            return false;
        }
        LocalDate today = LocalDate.now(config.settings().zone());
        var plan = config.currentPlan();
        return today.isBefore(plan.start()) || today.isAfter(plan.deadline());
    }

    public boolean clockIsFixed() {
        return root().now != null;
    }

    /** Opens storage and wires the bot on an already loaded configuration; reads the settings once. */
    public App openApp(ConfigDirectory config, Clock clock) {
        return openApp(config, BotSettings.read(config, env()), clock);
    }

    /** Opens storage and wires the bot on settings already read (and checked). */
    public App openApp(ConfigDirectory config, BotSettings settings, Clock clock) {
        return new App(home(), config, settings, io.duban.storage.Storage.open(jdbcUrl()), clock, env(), List.of());
    }

    /** Loads the configuration and wires the bot with {@link #clock}. */
    public App openApp() {
        ConfigDirectory config = loadConfig();
        return openApp(config, clock(config.settings().zone()));
    }

    static final class TimeConverter implements ITypeConverter<OffsetDateTime> {
        @Override
        public OffsetDateTime convert(String value) {
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "expected a time with offset like 2023-10-09T09:00+08:00, got '" + value + "'");
            }
        }
    }
}
