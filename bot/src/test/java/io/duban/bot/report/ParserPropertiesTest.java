package io.duban.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.report.normalize.ChineseNumerals;
import io.duban.bot.report.normalize.InputNormalizer;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over random input, with fixed seeds so a failure is reproducible (the seed is in the message):
 * invisible characters, full-width forms and the bot's mention never change what is read; random text never
 * yields a report whose task or percent is not in the text.
 */
class ParserPropertiesTest {
    private static final String BOT = "督办助手";
    private static final int[] INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F, 0x202A, 0x202C,
            0x202D, 0x2066, 0x2069, 0x00AD, 0x180E};
    private final ReportParser parser = new ReportParser(BOT);

    @Test
    void invisibleCharactersFullWidthFormsAndMentions_neverChangeWhatIsRead() throws IOException {
        List<String> inputs = PhrasingCorpusTest.corpus().stream().map(PhrasingCorpusTest.Phrasing::input).toList();
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            for (String input : inputs) {
                String noisy = noisy(input, random);
                assertThat(parser.read(noisy)).as("seed %d: %s → %s", seed, input, noisy).isEqualTo(parser.read(input));
            }
        }
    }

    @Test
    void randomText_neverYieldsATaskOrPercentThatIsNotInTheText() {
        String[] fragments = {"1", "2", "5", "12", "15", "60", "100", "150", "0", "3.5", "%", "％", " ", " ", "，", "；",
                "\n", "、", "任务", "第", "项", "号任务", "十二", "六", "成", "百分之", "进度", "完成", "已完成", "受阻",
                "未启动", "推进中", "无变化", "过半", "问题：", "无", "下一步：", "对接企业", "家", "万元", "增长", "率",
                "@督办助手 ", "\u200b", "１２", "６０", "：", "-", "~", "半", "点", "人次", "同上周", "收到"};
        for (long seed = 1; seed <= 20_000; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                text.append(fragments[random.nextInt(fragments.length)]);
            }
            String clean = InputNormalizer.clean(text.toString(), BOT);
            if (!(parser.read(text.toString()) instanceof MessageReading.Reports reports)) {
                continue;
            }
            for (ParsedReport r : reports.read()) {
                if (r.taskNumber().isPresent()) {
                    int t = r.taskNumber().getAsInt();
                    String compact = clean.replace(" ", "");
                    assertThat(compact.contains(String.valueOf(t)) || compact.contains(ChineseNumerals.of(t)))
                            .as("seed %d: task %d not in “%s”", seed, t, clean).isTrue();
                }
                if (r.percent().isPresent()) {
                    int p = r.percent().getAsInt();
                    assertThat(percentAppears(clean, p)).as("seed %d: %d%% not in “%s”", seed, p, clean).isTrue();
                }
            }
        }
    }

    @Test
    void cleaningIsIdempotent() {
        for (long seed = 1; seed <= 2_000; seed++) {
            Random random = new Random(seed);
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(6);
                s.appendCodePoint(switch (kind) {
                    case 0 -> INVISIBLE[random.nextInt(INVISIBLE.length)];
                    case 1 -> 0xFF10 + random.nextInt(10);
                    case 2 -> " \n\t\u3000\u2005@％，".charAt(random.nextInt(8));
                    case 3 -> 0x4E00 + random.nextInt(200);
                    default -> '0' + random.nextInt(10);
                });
            }
            String once = InputNormalizer.clean(s.toString(), BOT);
            assertThat(InputNormalizer.clean(once, BOT)).as("seed %d", seed).isEqualTo(once);
        }
    }

    /** The input with one to four invisible characters, full-width forms or mentions of the bot inserted. */
    static String noisy(String input, Random random) {
        String noisy = input;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            noisy = switch (random.nextInt(3)) {
                case 0 -> insertAtCodePoint(noisy, random, new String(Character.toChars(
                        INVISIBLE[random.nextInt(INVISIBLE.length)])));
                case 1 -> fullWidth(noisy, random);
                default -> insertAtCodePoint(noisy, random, "@" + BOT + (random.nextBoolean() ? "\u2005" : " "));
            };
        }
        return noisy;
    }

    private static boolean percentAppears(String spaced, int p) {
        String text = spaced.replace(" ", "");
        if (text.contains(String.valueOf(p)) || text.contains("百分之" + ChineseNumerals.of(p))
                || text.contains(ChineseNumerals.of(p) + "%")) {
            return true;
        }
        if (p % 10 == 0 && p > 0 && text.contains(ChineseNumerals.of(p / 10) + "成")) {
            return true;
        }
        if (p == 100) {
            return text.contains("百分之百") || text.contains("十成") || text.contains("完成") || text.contains("办结");
        }
        return p == 0 && (text.contains("未启动") || text.contains("未开始") || text.contains("百分之零"));
    }

    private static String insertAtCodePoint(String s, Random random, String what) {
        int codePoints = s.codePointCount(0, s.length());
        int at = s.offsetByCodePoints(0, random.nextInt(codePoints + 1));
        return s.substring(0, at) + what + s.substring(at);
    }

    /** One ASCII digit, letter, % or space turned into its full-width twin (a space into the ideographic one). */
    private static String fullWidth(String s, Random random) {
        int[] positions = s.chars().filter(c -> c < 0x80).toArray();
        if (positions.length == 0) {
            return s;
        }
        int start = random.nextInt(s.length());
        for (int k = 0; k < s.length(); k++) {
            int i = (start + k) % s.length();
            char c = s.charAt(i);
            char wide = c == ' ' ? '\u3000' : (Character.isLetterOrDigit(c) || c == '%') && c < 0x80 ? (char) (c + 0xFEE0) : 0;
            if (wide != 0) {
                return s.substring(0, i) + wide + s.substring(i + 1);
            }
        }
        return s;
    }
}
