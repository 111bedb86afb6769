package io.duban.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.ReportStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The phrasing corpus ({@code report/phrasings.tsv}): how people really write reports, and what must be read from
 * each — or that nothing may be stored and the person must be asked.
 */
class PhrasingCorpusTest {
    private static final String CORPUS = "/report/phrasings.tsv";
    private final ReportParser parser = new ReportParser("督办助手");

    record Phrasing(int line, String input, String unit, String expected) {
        @Override
        public String toString() {
            return "line " + line + ": " + input.replace("\n", "⏎");
        }
    }

    static List<Phrasing> corpus() throws IOException {
        List<Phrasing> out = new ArrayList<>();
        try (InputStream in = PhrasingCorpusTest.class.getResourceAsStream(CORPUS)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    throw new IllegalStateException(CORPUS + " line " + (i + 1) + ": expected 3 tab-separated columns");
                }
                out.add(new Phrasing(i + 1, unescape(cols[0]), cols[1], cols[2].strip()));
            }
        }
        return out;
    }

    static Stream<Arguments> phrasings() throws IOException {
        return corpus().stream().map(Arguments::of);
    }

    @Test
    void theCorpusCoversAtLeast150Phrasings() throws IOException {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void eachPhrasingIsReadAsExpected(Phrasing p) {
        MessageReading reading = parser.read(p.input());
        String[] expected = p.expected().split("\\s*\\|\\s*");
        if (expected.length == 1 && expected[0].equals("social")) {
            assertThat(reading).as(p.toString()).isInstanceOf(MessageReading.Social.class);
            return;
        }
        assertThat(reading).as(p.toString()).isInstanceOf(MessageReading.Reports.class);
        List<ReportPart> parts = ((MessageReading.Reports) reading).parts();
        assertThat(parts).as(p + " parts " + parts).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            check(p, expected[i], parts.get(i));
        }
    }

    private static void check(Phrasing p, String expected, ReportPart part) {
        String where = p + " → " + part;
        if (expected.startsWith("ask")) {
            assertThat(part).as(where).isInstanceOf(ReportPart.Unreadable.class);
            String reason = ((ReportPart.Unreadable) part).reason();
            assertThat(reason).as(where).contains("例如");
            if (expected.startsWith("ask:")) {
                assertThat(reason).as(where).contains(expected.substring(4));
            }
            return;
        }
        if (expected.equals("preamble")) {
            assertThat(part).as(where).isInstanceOf(ReportPart.Preamble.class);
            return;
        }
        assertThat(part).as(where).isInstanceOf(ReportPart.Read.class);
        ParsedReport r = ((ReportPart.Read) part).report();
        String[] f = expected.split("/");
        assertThat(r.taskNumber()).as(where + " task").isEqualTo(f[0].equals("-") ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(f[0])));
        assertThat(r.percent()).as(where + " percent").isEqualTo(f[1].equals("keep") ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(f[1])));
        assertThat(r.status()).as(where + " status").isEqualTo(f[2].equals("-") ? Optional.empty()
                : Optional.of(ReportStatus.valueOf(f[2])));
        assertThat(r.problems()).as(where + " problem").isEqualTo(f[3].equals("-") ? "" : f[3]);
        boolean noChange = false;
        for (int i = 4; i < f.length; i++) {
            if (f[i].startsWith("progress=")) {
                assertThat(r.progress()).as(where + " progress").isEqualTo(f[i].substring("progress=".length()));
            } else if (f[i].equals("nochange")) {
                noChange = true;
            } else {
                throw new IllegalStateException("unknown expectation " + f[i]);
            }
        }
        assertThat(r.noChange()).as(where + " no change").isEqualTo(noChange);
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\(n|u([0-9a-fA-F]{4}))");

    static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String rep = m.group(1).equals("n") ? "\n" : String.valueOf((char) Integer.parseInt(m.group(2), 16));
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
