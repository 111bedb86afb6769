package io.duban.bot.bench;

import io.duban.bot.App;
import io.duban.bot.schedule.RhythmService;
import io.duban.config.ConfigDirectory;
import io.duban.plan.PlanTask;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.Storage;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The rhythm's costs on a plan with ten weeks of reports from every contact on every lead task (a busy year):
 * the idle tick the serve loop pays every 30 s, and building the Thursday prompt and the Monday summary.
 * Run: see docs/issue-4.md (java -cp … io.duban.bot.bench.RhythmBench).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RhythmBench {
    static final Instant MONDAY = OffsetDateTime.parse("2023-10-16T09:00:30+08:00").toInstant();

    Path dir;
    App app;
    RhythmService rhythm;

    @Setup
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("rhythm-bench");
        Clock clock = Clock.fixed(MONDAY, ZoneId.of("Asia/Shanghai"));
        ConfigDirectory config = ConfigDirectory.load(Path.of(System.getProperty("duban.config", "config")), n -> null);
        app = new App(dir, config, Storage.open("jdbc:sqlite:" + dir.resolve("bench.db")), clock, Map.of());
        for (int week = 32; week <= 42; week++) {
            for (Person p : app.storage().people().all()) {
                if (p.role() != Role.CONTACT) {
                    continue;
                }
                for (PlanTask t : config.currentPlan().tasks()) {
                    if (config.organization().isAssigned(t, p.unit())) {
                        app.storage().reports().append(new NewReport(2023, t.number(), p.unit(), p.userId(),
                                Optional.empty(), ReportKind.REPORT, Optional.empty(),
                                Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(Math.min(100, week * 2)),
                                "本周推进", week % 3 == 0 ? "资金拨付偏慢" : "", "继续推进", OptionalInt.empty(),
                                OptionalInt.empty(), "2023-W" + week,
                                OffsetDateTime.parse("2023-08-07T10:00+08:00").plusWeeks(week - 32L).toInstant()));
                    }
                }
            }
        }
        rhythm = app.rhythm();
        rhythm.scheduler().tick(MONDAY);   // settle everything due so far
    }

    @TearDown
    public void tearDown() {
        app.close();
    }

    @Benchmark
    public Object idleTick() {
        return rhythm.scheduler().tick(MONDAY);
    }

    @Benchmark
    public Object composeWeeklyPrompt() {
        return rhythm.preview("weekly-prompt", MONDAY.plusSeconds(3 * 86400 + 6 * 3600));
    }

    @Benchmark
    public Object composeWeeklySummary() {
        return rhythm.preview("weekly-summary", MONDAY);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(RhythmBench.class.getSimpleName())
                .jvmArgsAppend("-Dduban.config=" + System.getProperty("duban.config", "config")).build()).run();
    }
}
