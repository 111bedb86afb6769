package io.duban.bot.report.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputNormalizerTest {
    @Test
    void fullWidthDigitsPercentAndSpaces_becomePlain_butChinesePunctuationStays() {
        assertThat(InputNormalizer.clean("１２　６０％　本周对接，企业２家；问题：无（暂）！"))
                .isEqualTo("12 60% 本周对接，企业2家；问题：无（暂）！");
    }

    @Test
    void invisibleCharacters_goEvenInsideANumber() {
        assertThat(InputNormalizer.clean("1\u200b2 6\u20600%\u200d 已对接\ufeff\u200e\u200f\u202a\u202c\u00ad企业"))
                .isEqualTo("12 60% 已对接企业");
    }

    @Test
    void theBotsMention_goesWhereverItStands_otherMentionsOnlyAtTheStart() {
        assertThat(InputNormalizer.clean("@督办助手\u200512 60% 已联系@张三 对接@督办助手\u2005企业", "督办助手"))
                .isEqualTo("12 60% 已联系@张三 对接企业");
        assertThat(InputNormalizer.clean("＠督办助手 12 60%", "督办助手")).isEqualTo("12 60%");
        assertThat(InputNormalizer.clean("@张三 @督办助手 12 60%")).isEqualTo("12 60%");
        assertThat(InputNormalizer.clean("12 联系@张三")).isEqualTo("12 联系@张三");
    }

    @Test
    void linesAreTrimmed_spacesCollapsed_emptyLinesDropped() {
        assertThat(InputNormalizer.clean("  12 60%\t\t已对接 \r\n\r\n  15   40% \u2028 13 50%"))
                .isEqualTo("12 60% 已对接\n15 40%\n13 50%");
    }

    @ParameterizedTest
    @CsvSource({"一,1", "十,10", "十二,12", "二十,20", "十九,19", "九十九,99", "一百,100", "一百零五,105",
            "一百一十,110", "两千,2000", "二,2", "两,2"})
    void chineseNumerals(String text, int value) {
        assertThat(ChineseNumerals.parse(text)).isEqualTo(OptionalInt.of(value));
        if (value < 100 && !text.equals("两")) {
            assertThat(ChineseNumerals.of(value)).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @CsvSource({"一二", "零", "百", "十十", "一百零", "一百五", "成"})
    void notChineseNumerals(String text) {
        assertThat(ChineseNumerals.parse(text)).isEmpty();
    }
}
