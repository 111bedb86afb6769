package io.duban.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People write a task number in Chinese right after the command word, without a space. */
class ChineseNumeralCommandTest {
    private static final String LEADER = "lizhiguo";
    private static final String LEADERS = "wr-demo-leaders";
    private static final String STAFF = "liuyang";
    private static final String NGK = "wr-demo-ngk";

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
    void taskTwelveInChineseNumerals_withoutASpace_showsTheTask() {
        for (String asked : new String[] {"任务十二", "任务 十二", "任务12", "任务：十二"}) {
            assertThat(bot.say(LEADER, LEADERS, asked)).as(asked).startsWith("【任务 12】");
        }
        assertThat(bot.say(LEADER, LEADERS, "任务二十")).as("no task 20").contains("没有任务 20").doesNotContain("报送内容为空");
    }

    @Test
    void theHistoryInChineseNumerals_isTheHistory() {
        String expected = bot.say(LEADER, LEADERS, "任务 12 历史");
        assertThat(expected).startsWith("【任务 12 历史】");
        for (String asked : new String[] {"任务十二历史", "任务 十二 历史", "任务十二 历史"}) {
            assertThat(bot.say(LEADER, LEADERS, asked)).as(asked).isEqualTo(expected);
        }
    }

    @Test
    void aReportStartingWithTheTaskInChineseNumerals_isStillAReport() {
        assertThat(bot.say(STAFF, NGK, "任务十二 60% 已对接企业2家")).contains("已记录 农管科 对任务 12 的报送", "进度：60%");
    }

    @Test
    void otherWordsAfterACommand_areNotTakenForANumber() {
        assertThat(bot.say(LEADER, LEADERS, "帮助一下")).doesNotContain("报送内容为空");
    }
}
