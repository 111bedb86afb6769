package io.duban.bot.wecom;

import io.duban.config.YamlNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Looks a WeCom setting up in the environment first, then in one section of {@code config/duban.yml}; blank counts
 * as unset. The environment wins so that an operator can override the file at start without editing it.
 */
public final class SettingSource {
    private final YamlNode section;
    private final Function<String, String> env;

    private SettingSource(YamlNode section, Function<String, String> env) {
        this.section = section;
        this.env = env;
    }

    /**
     * @param rawSettings {@code config.rawSettings()}, may be {@code null} when duban.yml is absent
     * @param name        the section (callback, app …)
     * @param allowedKeys the keys the section may hold; any other is a {@link io.duban.config.ConfigException}
     */
    public static SettingSource of(YamlNode rawSettings, String name, Function<String, String> env,
                                   String... allowedKeys) {
        YamlNode section = rawSettings == null ? null : rawSettings.get(name).orElse(null);
        if (section != null) {
            section.allowOnly(allowedKeys);
        }
        return new SettingSource(section, env);
    }

    /** The section itself, for what is more than one value (e.g. the webhook keys per group). */
    public Optional<YamlNode> section() {
        return Optional.ofNullable(section);
    }

    /** The value of environment variable {@code envName}, else of {@code key} in the section. */
    public Optional<String> text(String envName, String key) {
        String fromEnv = env.apply(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.strip());
        }
        if (section == null) {
            return Optional.empty();
        }
        return section.get(key).map(YamlNode::text).map(String::strip).filter(s -> !s.isEmpty());
    }
}
