package io.duban.bot.problem;

import io.duban.config.ConfigDirectory;
import io.duban.config.YamlNode;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code problems:} section of {@code duban.yml}:
 * <pre>
 * problems:
 *   consultAfterDays: 14   # an open problem older than this is flagged 待会商 (default: two weeks)
 * </pre>
 */
public record ProblemSettings(Duration consultAfter) {
    public static final ProblemSettings DEFAULTS = new ProblemSettings(Duration.ofDays(14));

    public static ProblemSettings from(ConfigDirectory config) {
        YamlNode raw = config.rawSettings();
        Optional<YamlNode> section = raw == null ? Optional.empty() : raw.get("problems");
        if (section.isEmpty() || section.get().isNull()) {
            return DEFAULTS;
        }
        YamlNode s = section.get().allowOnly("consultAfterDays");
        Optional<YamlNode> days = s.get("consultAfterDays");
        if (days.isEmpty()) {
            return DEFAULTS;
        }
        int d = days.get().integer();
        if (d < 1 || d > 365) {
            throw days.get().error("expected a number of days between 1 and 365");
        }
        return new ProblemSettings(Duration.ofDays(d));
    }
}
