package io.duban.bot.export;

import io.duban.config.ConfigDirectory;
import io.duban.config.YamlNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code export:} section of {@code duban.yml}:
 * <pre>
 * export:
 *   dir: data/exports          # where 导出 in chat writes files; relative to the installation folder
 *   chartFont: Noto Sans CJK SC # the font family of the weekly chart (default: the first CJK font found)
 * </pre>
 */
public record ExportSettings(Path dir, Optional<String> chartFont) {

    public static ExportSettings from(ConfigDirectory config) {
        Path home = config.dir().toAbsolutePath().getParent();
        Path dir = home.resolve("data").resolve("exports");
        Optional<String> font = Optional.empty();
        YamlNode raw = config.rawSettings();
        Optional<YamlNode> section = raw == null ? Optional.empty() : raw.get("export");
        if (section.isPresent() && !section.get().isNull()) {
            YamlNode s = section.get().allowOnly("dir", "chartFont");
            if (s.get("dir").isPresent()) {
                dir = home.resolve(s.get("dir").get().nonBlankText());
            }
            font = s.get("chartFont").map(YamlNode::nonBlankText);
        }
        return new ExportSettings(dir, font);
    }
}
