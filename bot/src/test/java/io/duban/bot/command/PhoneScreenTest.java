package io.duban.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.console.DemoData;
import io.duban.bot.testing.TestBot;
import io.duban.bot.text.Screen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every chat command, as every role, in its group and in a private chat, against the demo data at the start, the
 * middle and the end of the plan: each answer fits one phone screen (at most 20 lines and 450 characters) or ends
 * with how to see more.
 */
class PhoneScreenTest {
    /** userid → the group chat the person talks in. */
    private static final List<String[]> PEOPLE = List.of(
            new String[] {"zhaomin", "wr-demo-ngk"},        // staff
            new String[] {"liuyang", "wr-demo-ngk"},        // contact
            new String[] {"wangfang", "wr-demo-bgs"},       // contact of the office, which leads five tasks
            new String[] {"lizhiguo", "wr-demo-leaders"},   // leader
            new String[] {"zhouhui", "wr-demo-bgs"});       // admin

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2023-08-01T10:00+08:00", "2023-10-16T09:00+08:00", "2023-12-29T10:00+08:00"})
    void everyAnswerFitsAScreenOrSaysHowToSeeMore(String now) {
        try (TestBot bot = new TestBot(dir, now)) {
            DemoData.seedIfEmpty(bot.app());
            Set<String> texts = new LinkedHashSet<>();
            for (Command c : bot.app().engine().commands()) {
                texts.add(c.name());
                texts.add(c.example());
            }
            texts.addAll(List.of("进度 2", "任务 12 历史", "任务 12 历史 2", "问题 2", "未报送 2", "我的任务 2",
                    "帮助 进度", "单位 办公室", "进度 9", "未报送 9", "任务 12 历史 9", "我的任务 9"));
            List<String> problems = new ArrayList<>();
            int answers = 0;
            for (String[] p : PEOPLE) {
                for (String text : texts) {
                    for (String chat : new String[] {p[1], null}) {
                        String reply = chat == null ? bot.say(p[0], text) : bot.sayIn(chat, p[0], text);
                        answers++;
                        if (!Screen.fits(reply) && !lastLine(reply).contains("更多请发")) {
                            problems.add(p[0] + (chat == null ? " 私聊" : " 群聊") + " “" + text + "”："
                                    + Screen.lines(reply) + " 行 " + Screen.chars(reply) + " 字\n" + reply);
                        }
                    }
                }
            }
            assertThat(answers).isGreaterThan(200);
            assertThat(problems).as(now).isEmpty();
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }

    @org.junit.jupiter.api.Test
    void aPagePastTheEnd_showsTheLastPage_andSaysThereIsNoSuchPage() {
        try (TestBot bot = new TestBot(dir, "2023-10-16T09:00+08:00")) {
            DemoData.seedIfEmpty(bot.app());
            String overview = bot.sayIn("wr-demo-leaders", "lizhiguo", "进度 9");
            assertThat(overview.lines().findFirst().orElseThrow()).isEqualTo("（没有第 9 页，以下是全部）");
            assertThat(overview).contains("【进度】", "共 19 项");
            assertThat(bot.sayIn("wr-demo-leaders", "lizhiguo", "进度 1")).doesNotContain("没有第");
            String history = bot.sayIn("wr-demo-leaders", "lizhiguo", "任务 12 历史 9");
            assertThat(history).startsWith("（没有第 9 页，以下是").contains("【任务 12 历史】");
        }
    }
}
