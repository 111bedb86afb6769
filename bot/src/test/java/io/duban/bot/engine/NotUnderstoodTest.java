package io.duban.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Words the bot cannot read are answered with the example closest to what the person wants; nothing is stored. */
class NotUnderstoodTest {
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
    void aCorrectionWithoutItsTask_asksWhichTask_andStoresNothing() {
        bot.say("liuyang", "wr-demo-ngk", "12 60% 已对接企业");
        int before = bot.app.storage().reports().history(2023, 12).size();
        for (String said : new String[] {"改成70%", "应为 70%", "改为70％，写错了"}) {
            assertThat(bot.say("liuyang", "wr-demo-ngk", said)).as(said)
                    .startsWith("要更正哪一项任务？").contains("没有写任务编号，暂未记录", "例如：更正 12 70% 本周进展");
        }
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(before);
    }

    @Test
    void otherWords_getTheGeneralExample() {
        assertThat(bot.say("liuyang", "wr-demo-ngk", "天气不错"))
                .isEqualTo("抱歉，没有看懂“天气不错”。报送进度请发：12 60% 本周进展；问题：…；下一步：…；查看全部命令请发：帮助");
    }
}
