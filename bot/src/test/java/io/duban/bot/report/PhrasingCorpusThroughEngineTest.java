package io.duban.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phrasing corpus sent through the engine by a person of the line's unit, in that unit's group: what is
 * stored is exactly what the line expects (a "keep" percent is the unit's last one), nothing is stored for an
 * "ask", and no line is answered "没有看懂". Every task the corpus names starts at 35% for every unit.
 */
class PhrasingCorpusThroughEngineTest {
    private static final Map<String, String[]> SENDER = Map.of(
            "农管科", new String[] {"liuyang", "wr-demo-ngk"},
            "办公室", new String[] {"wangfang", "wr-demo-bgs"},
            "党群科", new String[] {"chenlei", "wr-demo-dqk"},
            "农发科", new String[] {"zhoujing", "wr-demo-nfk"},
            "委工会", new String[] {"hanmei", "wr-demo-wgh"});

    @TempDir
    Path dir;

    private record Figures(int percent, Optional<ReportStatus> status) {
    }

    @Test
    void eachPhrasing_storesWhatItSays_andNothingElse() throws Exception {
        try (TestBot bot = new TestBot(dir, "2023-10-09T09:00+08:00")) {
            Map<String, Figures> current = new HashMap<>();
            for (PhrasingCorpusTest.Phrasing p : PhrasingCorpusTest.corpus()) {
                String[] sender = SENDER.get(p.unit());
                assertThat(sender).as(p + ": a sender for " + p.unit()).isNotNull();
                String[] expected = p.expected().split("\\s*\\|\\s*");
                for (String e : expected) {
                    int task = task(e);
                    if (task > 0) {
                        current.computeIfAbsent(task + "/" + p.unit(), k -> seed(bot, task, p.unit()));
                    }
                }
                int rowsBefore = rows(bot);
                String reply = bot.say(sender[0], sender[1], p.input());
                assertThat(reply).as(p.toString()).doesNotContain("没有看懂");
                int stored = 0;
                boolean unknownTarget = false;
                for (String e : expected) {
                    int task = task(e);
                    if (e.startsWith("ask")) {
                        assertThat(reply).as(p + " → " + reply).contains(e.startsWith("ask:") ? e.substring(4) : "例如");
                        continue;
                    }
                    if (e.equals("social")) {
                        assertThat(reply).as(p.toString()).matches("(?s)^(好的|不客气).*");
                        continue;
                    }
                    if (task < 0) {
                        unknownTarget |= !e.equals("preamble");
                        continue; // no task written: the bot works out which, or asks; covered elsewhere
                    }
                    stored++;
                    String key = task + "/" + p.unit();
                    ProgressReport r = bot.app.storage().reports().latestEffective(2023, task, p.unit()).orElseThrow();
                    String[] f = e.split("/");
                    Figures before = current.get(key);
                    int percent = f[1].equals("keep") ? before.percent() : Integer.parseInt(f[1]);
                    Optional<ReportStatus> status = !f[2].equals("-") ? Optional.of(ReportStatus.valueOf(f[2]))
                            : before.status();
                    assertThat(r.percent()).as(p + " → " + reply + " percent of " + task).isEqualTo(OptionalInt.of(percent));
                    assertThat(r.status()).as(p + " → " + reply + " status of " + task).isEqualTo(status);
                    assertThat(r.problems()).as(p + " problem of " + task).isEqualTo(f[3].equals("-") ? "" : f[3]);
                    current.put(key, new Figures(percent, status));
                }
                if (!unknownTarget) {
                    assertThat(rows(bot) - rowsBefore).as(p + " → " + reply + ": rows stored").isEqualTo(stored);
                }
                bot.advance(Duration.ofMinutes(11)); // the next line is never a repeat of this one
            }
        }
    }

    private static int task(String expected) {
        if (expected.startsWith("ask") || expected.equals("social") || expected.equals("preamble")) {
            return -1;
        }
        String t = expected.split("/")[0];
        return t.equals("-") ? -1 : Integer.parseInt(t);
    }

    private static int rows(TestBot bot) {
        int n = 0;
        for (int task = 1; task <= 19; task++) {
            n += bot.app.storage().reports().history(2023, task).size();
        }
        return n;
    }

    private static Figures seed(TestBot bot, int task, String unit) {
        bot.app.storage().reports().append(new NewReport(2023, task, unit, "seed", Optional.empty(), ReportKind.REPORT,
                Optional.empty(), Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(35), "起始进度", "", "",
                OptionalInt.empty(), OptionalInt.empty(), "2023-W40", bot.clock.instant().minus(Duration.ofDays(7))));
        return new Figures(35, Optional.of(ReportStatus.IN_PROGRESS));
    }
}
