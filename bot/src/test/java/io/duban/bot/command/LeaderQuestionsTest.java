package io.duban.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How leaders ask without command words, and what each question stands for; anything else is not guessed at. */
class LeaderQuestionsTest {
    private static final List<String> UNITS = List.of("办公室", "农管科", "党群科");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12|任务 12",
            "12？|任务 12",
            "任务12|任务 12",
            "第12项怎么样|任务 12",
            "任务十二怎么样了|任务 12",
            "十二号任务进展如何|任务 12",
            "农管科|单位 农管科",
            "农管科情况？|单位 农管科",
            "农管科报了吗|单位 农管科",
            "党群科的最新进展|单位 党群科",
            "12 进展如何？|任务 12",
            "哪些单位没报|未报送",
            "谁还没报？|未报送",
            "有什么问题|问题",
            "进度怎么样了|进度",
            "整体情况|进度",
            "红灯任务有哪些|进度",
            "落后的任务|进度",
            "农管科本周报了没有|单位 农管科",
    })
    void aQuestion_standsForItsCommand(String question, String command) {
        assertThat(LeaderQuestions.read(question, UNITS)).contains(command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12 60% 已对接",
            "帮我写个总结",
            "好的",
            "农管科 12 60%",
            "今年采购金额达到 30 万元的情况",
            "请各单位抓紧推进项目建设，确保年底前全面完成各项任务目标的进度",
    })
    void anythingElse_isNotGuessedAt(String text) {
        assertThat(LeaderQuestions.read(text, UNITS)).isEqualTo(Optional.empty());
    }
}
