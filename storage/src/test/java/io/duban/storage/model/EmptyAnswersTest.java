package io.duban.storage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmptyAnswersTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "无", "暂无", "没有", "无问题", "暂无问题", "—", "——", "/", "／", "无。", "无；", "…", "...",
            "目前没有", "暂无困难", "没有问题。", "N/A", "none"})
    void sayNothing(String text) {
        assertThat(EmptyAnswers.isNothing(text)).isTrue();
        ProgressReport r = report(text);
        assertThat(r.hasProblems()).isFalse();
        assertThat(r.namedProblems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"冷链成本高", "没有资金", "无冷库", "暂无资金到位", "无法按期完成"})
    void nameAProblem(String text) {
        assertThat(EmptyAnswers.isNothing(text)).isFalse();
        assertThat(report(text).namedProblems()).isEqualTo(text);
    }

    private static ProgressReport report(String problems) {
        return new ProgressReport(1, 2023, 12, "农管科", "liuyang", Optional.empty(), ReportKind.REPORT, Optional.empty(),
                Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(60), "进展", problems, "", OptionalInt.empty(),
                OptionalInt.empty(), "2023-W41", Instant.EPOCH);
    }
}
