package io.duban.bot.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.config.ConfigDirectory;
import io.duban.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code problems:} section of duban.yml: two weeks unless set; a bad value names file and line. */
class ProblemSettingsTest {
    @TempDir
    Path dir;

    private ConfigDirectory load(String yml) throws IOException {
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("plans"));
        for (String f : new String[] {"organization.yaml", "roster.yaml", "plans/2023.yaml"}) {
            Files.copy(Path.of("../config").resolve(f), config.resolve(f),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(config.resolve("duban.yml"));
        if (yml != null) {
            Files.writeString(config.resolve("duban.yml"), yml);
        }
        return ConfigDirectory.load(config, n -> null);
    }

    @Test
    void defaultIsTwoWeeks_aSetValueCounts_andZeroIsRefusedWithItsLine() throws IOException {
        assertThat(ProblemSettings.from(load(null)).consultAfter()).isEqualTo(Duration.ofDays(14));
        assertThat(ProblemSettings.from(load("problems:\n  consultAfterDays: 7\n")).consultAfter())
                .isEqualTo(Duration.ofDays(7));
        ConfigDirectory bad = load("planYear: 2023\nproblems:\n  consultAfterDays: 0\n");
        assertThatThrownBy(() -> ProblemSettings.from(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("duban.yml:3: problems.consultAfterDays: expected a number of days");
    }
}
