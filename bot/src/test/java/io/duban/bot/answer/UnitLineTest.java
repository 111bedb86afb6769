package io.duban.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 我的任务 for the office's contact (twelve tasks): the hourglass marks only what is due from her this week. */
class UnitLineTest {
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
    void onlyTasksDueThisWeek_carryTheHourglass() {
        String mine = bot.say("wangfang", "wr-demo-bgs", "我的任务");
        long due = Arrays.stream(mine.split("\n")).filter(l -> l.contains("｜本周应报")).count();
        long hourglasses = Arrays.stream(mine.split("\n")).filter(l -> l.startsWith("⏳")).count();
        assertThat(hourglasses).isEqualTo(due);
        assertThat(mine).contains("本周应报 " + due + " 项");
        assertThat(mine).containsPattern("(?m)^· ★任务 4 [^\\n]*｜无需报送$");
    }
}
