package io.duban.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.report.normalize.InputNormalizer;
import org.junit.jupiter.api.Test;

class UserTextTest {
    @Test
    void mentionsLinksAndFormatting_cannotPassThrough() {
        String escaped = UserText.escape("<@zhangjianhua> @all [点我](http://evil.example) **加粗** <font color=\"warning\">红</font>\n# 标题\n> 引用 `code`", 300);
        assertThat(escaped).doesNotContain("<@", "@all", "](", "http://", "**", "<font", "\n", "`", "#", ">");
        assertThat(escaped).contains("＠all", "［点我］", "加粗", "标题");
    }

    @Test
    void zeroWidthAndControlCharacters_areDropped() {
        assertThat(UserText.escape("a\u200bb\u0007c\u202ed", 300)).isEqualTo("abcd");
    }

    @Test
    void overLongText_isCutWithAVisibleMark() {
        String cut = UserText.escape("一二三四五六七八九十", 4);
        assertThat(cut).isEqualTo("一二三四" + UserText.CUT_MARK);
        assertThat(UserText.escape("一二三四", 4)).isEqualTo("一二三四");
        assertThat(UserText.escape("😀😀😀", 2)).isEqualTo("😀😀" + UserText.CUT_MARK);
    }

    @Test
    void theLeadingMention_isStripped() {
        assertThat(InputNormalizer.clean("@督办助手 12 60% 进展")).isEqualTo("12 60% 进展");
        assertThat(InputNormalizer.clean("@督办助手\u2005任务 12")).isEqualTo("任务 12");
        assertThat(InputNormalizer.clean("12 联系@张三")).isEqualTo("12 联系@张三");
    }
}
