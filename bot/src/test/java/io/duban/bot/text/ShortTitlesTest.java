package io.duban.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.config.ConfigDirectory;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Short titles derived from the shipped plan's task texts (until the plan file names its own). */
class ShortTitlesTest {
    private final WorkPlan plan = ConfigDirectory.load(Path.of("../config"), name -> null).currentPlan();

    private String title(int n) {
        return ShortTitles.of(plan.task(n).orElseThrow());
    }

    @Test
    void everyTitleIsShort_andSaysWhatIsDoneRatherThanWhy() {
        for (PlanTask t : plan.tasks()) {
            String s = ShortTitles.of(t);
            assertThat(s.codePointCount(0, s.length())).as(s).isBetween(2, ShortTitles.MAX_CHARS);
            assertThat(s).doesNotStartWith("根据").doesNotStartWith("按照");
        }
        // the plan's curated 简称 (issue 11), one source for every list
        assertThat(title(14)).isEqualTo("和美乡村建设");
        assertThat(title(2)).isEqualTo("领导调研对接");
        assertThat(title(1)).isEqualTo("强化政治意识");
    }
}
