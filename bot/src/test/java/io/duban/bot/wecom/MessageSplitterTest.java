package io.duban.bot.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {
    private static final Pattern MARKER = Pattern.compile("\\n\\((\\d+)/(\\d+)\\)$");

    /** A weekly digest in the shape the bot sends: headings, list items with continuation lines, mentions, links. */
    private static String longChineseMarkdown(int items) {
        StringBuilder sb = new StringBuilder("## 2023年第41周 督办周报\n> 截至10月13日，共19项任务\n\n");
        for (int i = 1; i <= items; i++) {
            sb.append("- 任务").append(i).append("：推进高标准农田建设，完成率").append(i % 100).append("%，")
                    .append("<font color=\"warning\">进度滞后</font>，请 <@user").append(i).append("> 本周内补报。\n")
                    .append("  问题：资金拨付流程较长，需协调区财政局；详见 [台账第").append(i)
                    .append("行](https://example.gov.cn/ledger?row=").append(i).append(")\n");
        }
        sb.append("\n请各单位联络员及时在群里@督办助手 汇报进展。😀");
        return sb.toString();
    }

    @Test
    void givenShortMessage_thenOneUnmarkedPart() {
        assertThat(MessageSplitter.split("本周进展正常。", 4096)).containsExactly("本周进展正常。");
    }

    @Test
    void givenLongChineseMarkdown_whenSplitForWebhook_thenEveryPartFitsAndIsMarked() {
        String content = longChineseMarkdown(60);
        assertThat(MessageSplitter.utf8Length(content)).isGreaterThan(3 * 4096);

        List<String> parts = MessageSplitter.split(content, MessageSplitter.WEBHOOK_MARKDOWN_BYTES);

        assertThat(parts.size()).isGreaterThanOrEqualTo(4);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
            var m = MARKER.matcher(part);
            assertThat(m.find()).as("marker in part %d", i + 1).isTrue();
            assertThat(m.group(1)).isEqualTo(String.valueOf(i + 1));
            assertThat(m.group(2)).isEqualTo(String.valueOf(parts.size()));
            bodies.add(part.substring(0, m.start()));
        }
        for (String body : bodies) {
            // every list item is whole: its continuation line is in the same part, right after it
            String[] lines = body.split("\n");
            for (int j = 0; j < lines.length; j++) {
                if (lines[j].startsWith("- 任务")) {
                    assertThat(j + 1).isLessThan(lines.length);
                    assertThat(lines[j + 1]).startsWith("  问题：");
                }
            }
            assertThat(lines[0]).doesNotStartWith("  问题：");
        }
        // nothing lost, nothing repeated
        assertThat(String.join("\n", bodies).replace("\n\n", "\n"))
                .isEqualTo(content.replace("\n\n", "\n"));
    }

    @Test
    void givenOneVeryLongLine_whenSplitForText_thenCutsFallBetweenCharactersAndNeverInsideMentionsOrLinks() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("第").append(i).append("项<@zhang").append(i).append(">请查看[链接").append(i)
                    .append("](https://x.cn/").append(i).append(")好的𠀀");
        }
        String line = sb.toString();

        List<String> parts = MessageSplitter.split(line, MessageSplitter.WEBHOOK_TEXT_BYTES);

        assertThat(parts.size()).isGreaterThan(5);
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
            String body = MARKER.matcher(part).replaceFirst("");
            assertThat(body).doesNotContain("\uFFFD");
            assertThat(Character.isLowSurrogate(body.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(body.charAt(body.length() - 1))).isFalse();
            // mentions and links are balanced in every part
            assertThat(count(body, "<@")).isEqualTo(count(body, ">"));
            assertThat(count(body, "](")).isEqualTo(count(body, "[链接"));
            joined.append(body);
        }
        assertThat(joined.toString()).isEqualTo(line);
    }

    @Test
    void givenAibotLimit_thenMediumMessageStaysWhole() {
        String content = longChineseMarkdown(20);
        assertThat(MessageSplitter.utf8Length(content)).isBetween(4097, 20480);
        assertThat(MessageSplitter.split(content, MessageSplitter.AIBOT_MARKDOWN_BYTES)).containsExactly(content);
    }

    @Test
    void utf8LengthCountsBytes() {
        for (String s : List.of("abc", "督办", "😀x", "é")) {
            assertThat(MessageSplitter.utf8Length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
