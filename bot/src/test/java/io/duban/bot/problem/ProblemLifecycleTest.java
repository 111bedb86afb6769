package io.duban.bot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.ProblemDecision;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProblemState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemLifecycleTest {
    static final Instant T = Instant.parse("2023-10-09T02:00:00Z");
    static final String W = "2023-W41";

    static ProblemItem item(long id, int task, String unit, String text, int silent, Instant raised) {
        return new ProblemItem(id, 2023, task, unit, text, Optional.of(id), raised, Optional.of(id), raised, silent,
                ProblemState.OPEN, Optional.empty(), Optional.empty(), "");
    }

    @Test
    void aProblemsField_splitsIntoItems_andNothingIsNoProblem() {
        assertThat(ProblemTexts.split("冷链成本高；物流慢")).containsExactly("冷链成本高", "物流慢");
        assertThat(ProblemTexts.split("1. 冷链成本高 2. 物流慢。")).containsExactly("冷链成本高", "物流慢");
        assertThat(ProblemTexts.split("无")).isEmpty();
        assertThat(ProblemTexts.split("暂无问题")).isEmpty();
        assertThat(ProblemTexts.split("")).isEmpty();
    }

    @Test
    void sameProblem_isRecognisedWhenWordedALittleDifferently_butNotAcrossTopics() {
        assertThat(ProblemTexts.same("冷链成本高", "冷链成本高。")).isTrue();
        assertThat(ProblemTexts.same("冷链成本高", "冷链运输成本高")).isTrue();
        assertThat(ProblemTexts.same("冷链成本高", "冷链成本仍然偏高")).isTrue();
        assertThat(ProblemTexts.same("冷链成本高", "冷链运输成本仍然高")).isTrue();
        assertThat(ProblemTexts.same("冷链成本高", "企业对接意愿不强")).isFalse();
        assertThat(ProblemTexts.same("企业对接意愿不强", "企业融资难")).isFalse();
        assertThat(ProblemTexts.same("冷链成本高", "物流时效差")).isFalse();
        assertThat(ProblemTexts.same("资金未到位", "专家档期紧张")).isFalse();
    }

    @Test
    void raisedRepeatedThenSilentTwice_lapses_andACorrectionDoesNotCountAsTheNextReport() {
        ProblemLifecycle.Step first = ProblemLifecycle.apply(List.of(), List.of("冷链成本高", "冷链成本高"), true, W);
        assertThat(first.raised()).containsExactly("冷链成本高");

        ProblemItem open = item(3, 12, "农管科", "冷链成本高", 0, T);
        ProblemLifecycle.Step repeated = ProblemLifecycle.apply(List.of(open), List.of("冷链运输成本高", "物流慢"), true, W);
        assertThat(repeated.mentioned()).containsExactly(open);
        assertThat(repeated.raised()).containsExactly("物流慢");
        assertThat(repeated.silent()).isEmpty();

        ProblemLifecycle.Step once = ProblemLifecycle.apply(List.of(open), List.of(), true, W);
        assertThat(once.silent()).containsEntry(open, 1);
        assertThat(once.lapsed()).isEmpty();
        ProblemLifecycle.Step twice = ProblemLifecycle.apply(List.of(item(3, 12, "农管科", "冷链成本高", 1, T)),
                List.of(), true, W);
        assertThat(twice.lapsed()).extracting(ProblemItem::id).containsExactly(3L);

        ProblemLifecycle.Step correction = ProblemLifecycle.apply(List.of(item(3, 12, "农管科", "冷链成本高", 1, T)),
                List.of(), false, W);
        assertThat(correction.lapsed()).isEmpty();
        assertThat(correction.silent()).isEmpty();
    }

    @Test
    void silenceCountsOnceAWeek_aSecondReportInTheSameWeekIsNotTheNextOne() {
        ProblemItem raisedThisWeek = new ProblemItem(3, 2023, 12, "农管科", "冷链成本高", Optional.of(3L), T,
                Optional.of(3L), T, 0, ProblemState.OPEN, Optional.empty(), Optional.empty(), "", Optional.of(W));
        ProblemLifecycle.Step sameWeek = ProblemLifecycle.apply(List.of(raisedThisWeek), List.of(), true, W);
        assertThat(sameWeek.silent()).isEmpty();
        assertThat(sameWeek.lapsed()).isEmpty();

        ProblemItem silentLastWeek = new ProblemItem(3, 2023, 12, "农管科", "冷链成本高", Optional.of(3L), T,
                Optional.of(3L), T, 1, ProblemState.OPEN, Optional.empty(), Optional.empty(), "", Optional.of("2023-W42"));
        assertThat(ProblemLifecycle.apply(List.of(silentLastWeek), List.of(), true, "2023-W42").lapsed()).isEmpty();
        assertThat(ProblemLifecycle.apply(List.of(silentLastWeek), List.of(), true, "2023-W43").lapsed())
                .extracting(ProblemItem::id).containsExactly(3L);
    }

    @Test
    void consultation_isDueForOldProblems_andForTheSameProblemFromTwoUnits_untilADecisionIsTaken() {
        Instant now = T.plus(Duration.ofDays(20));
        ProblemItem old = item(1, 12, "农管科", "冷链成本高", 0, T);
        ProblemItem young = item(2, 13, "办公室", "企业对接意愿不强", 0, now.minus(Duration.ofDays(3)));
        ProblemItem sameA = item(3, 15, "农管科", "平台上架审核慢", 0, now.minus(Duration.ofDays(2)));
        ProblemItem sameB = item(4, 15, "农技中心", "平台上架审核太慢", 0, now.minus(Duration.ofDays(1)));
        List<ConsultRule.Flag> flags = ConsultRule.flagged(List.of(sameB, young, old, sameA), List.of(),
                Duration.ofDays(14), now);
        assertThat(flags).extracting(f -> f.item().id()).containsExactly(1L, 3L, 4L);
        assertThat(flags.get(0).why()).isEqualTo("已持续 20 天");
        assertThat(flags.get(1).why()).isEqualTo("多单位提出，另有农技中心");

        ProblemDecision decided = new ProblemDecision(1, 1, LocalDate.of(2023, 10, 20), "专题会", "admin",
                Optional.empty(), now.minusSeconds(60));
        assertThat(ConsultRule.flagged(List.of(old), List.of(decided), Duration.ofDays(14), now)).isEmpty();
        assertThat(ConsultRule.flagged(List.of(old), List.of(decided), Duration.ofDays(14), now.minusSeconds(120)))
                .hasSize(1);
    }
}
