package io.duban.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A leader reads 进度 on a phone: each red or yellow task is one short line that says each figure once. */
class OverviewLineTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void setUp() throws Exception {
        bot = new TestBot(dir, "2023-10-09T09:00+08:00");
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void aYellowTask_showsItsPercentOnce() {
        bot.say("liuyang", "wr-demo-ngk", "15 10% 已联系两家电商平台");
        String overview = bot.say("lizhiguo", "wr-demo-leaders", "进度");
        assertThat(overview).containsPattern("🟡 15 [^\\n]+：10%，落后于应有进度 \\d+%");
        assertThat(overview).doesNotContain("10%；进度 10%");
        // the task's own answer still gives the figure with the reason
        assertThat(bot.say("lizhiguo", "wr-demo-leaders", "任务 15")).containsPattern("🟡 黄灯：进度 10%，落后于应有进度 \\d+%");
    }
}
