package io.duban.bot.bench;

import io.duban.bot.report.MessageReading;
import io.duban.bot.report.ReportParser;
import io.duban.storage.Storage;
import io.duban.storage.model.InboundRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long reading one message takes, over the phrasing corpus (single and multi-task messages, noise, asks),
 * against a reference measured in the same run: storing the same message as the engine does before it reads it
 * (one inbound row on SQLite). Run with the README's bench command; prints one {@code BENCH} line.
 */
@Tag("bench")
class ParserBench {
    @TempDir
    Path dir;

    @Test
    void parsingTakesAFractionOfStoringTheMessage() throws IOException {
        List<String> messages = corpus();
        ReportParser parser = new ReportParser("督办助手");
        int rounds = 200;
        long checksum = 0;
        for (int warm = 0; warm < 50; warm++) {
            for (String m : messages) {
                checksum += parser.read(m) instanceof MessageReading.Reports r ? r.parts().size() : 1;
            }
        }
        double[] micros = new double[7];
        double[] storeMicros = new double[7];
        double[] ratios = new double[7];
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("bench.db"))) {
            int id = 0;
            for (int run = 0; run < micros.length; run++) { // interleaved pairs: parse, then store the same messages
                long start = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    for (String m : messages) {
                        checksum += parser.read(m) instanceof MessageReading.Reports r ? r.parts().size() : 1;
                    }
                }
                micros[run] = (System.nanoTime() - start) / 1e3 / (rounds * (double) messages.size());
                start = System.nanoTime();
                for (String m : messages) {
                    storage.inbound().recordIfNew(new InboundRecord("bench-" + id++, "bench", "liuyang",
                            Optional.of("wr-demo"), "group", m, Optional.empty(), Instant.EPOCH));
                }
                storeMicros[run] = (System.nanoTime() - start) / 1e3 / messages.size();
                ratios[run] = micros[run] / storeMicros[run];
            }
        }
        if (checksum == 0) {
            throw new AssertionError("nothing was read");
        }
        System.out.printf("BENCH parser: %d corpus messages x %d rounds, µs per message per run %s, median %.1f µs "
                        + "(%.4f ms); storing the same message on SQLite median %.0f µs; parse/store ratio per pair %s, "
                        + "median %.3f%n",
                messages.size(), rounds, Arrays.toString(Arrays.stream(micros).map(v -> Math.round(v * 10) / 10.0).toArray()),
                median(micros), median(micros) / 1000, median(storeMicros),
                Arrays.toString(Arrays.stream(ratios).map(v -> Math.round(v * 1000) / 1000.0).toArray()), median(ratios));
    }

    private static List<String> corpus() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = ParserBench.class.getResourceAsStream("/report/phrasings.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(unescape(line.split("\t")[0]));
                }
            }
        }
        return out;
    }

    /** The corpus's escapes: {@code \\n} and {@code \\uXXXX}. */
    private static String unescape(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\(n|u([0-9a-fA-F]{4}))").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String rep = m.group(1).equals("n") ? "\n" : String.valueOf((char) Integer.parseInt(m.group(2), 16));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
