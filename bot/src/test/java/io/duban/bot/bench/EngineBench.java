package io.duban.bot.bench;

import io.duban.bot.App;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.Reply;
import io.duban.config.ConfigDirectory;
import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.plan.PlanArea;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.ChatBinding;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.roster.Roster;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks, not tests: they print numbers and assert only that the work was done. Excluded from the normal
 * build; run with
 * <pre>mvn -B test -pl bot -am -Dtest='*Bench' -Dsurefire.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("bench")
class EngineBench {
    @TempDir
    Path dir;

    @Test
    void inboundMessagesPerSecond_endToEnd_onSqlite() {
        MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
        ConfigDirectory config = ConfigDirectory.load(Path.of("../config"), name -> null);
        try (App app = new App(dir, config, Storage.open("jdbc:sqlite:" + dir.resolve("b.db")), clock, Map.of())) {
            int perRun = 2000;
            double[] rates = new double[7];
            int id = 0;
            for (int run = 0; run < rates.length; run++) {
                long start = System.nanoTime();
                for (int i = 0; i < perRun; i++) {
                    String text = (i % 2 == 0 ? "12 " : "15 ") + (i % 100) + "% 本周进展" + i + "；问题：无；下一步：继续";
                    var answer = app.engine().receive(new InboundMessage("bench-" + id++, "bench", "liuyang",
                            ChatType.GROUP, Optional.of("wr-demo-ngk"), text, Optional.empty(), clock.instant()));
                    if (answer.isEmpty()) {
                        throw new AssertionError("no reply");
                    }
                }
                rates[run] = perRun / ((System.nanoTime() - start) / 1e9);
            }
            System.out.printf("BENCH engine store+answer on SQLite: runs of %d messages, msgs/s per run %s, median %.0f%n",
                    perRun, Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()), median(rates));
        }
    }

    @Test
    void overviewTime_withFiveYearsOfWeeklyReports_for1000TasksAnd200Units() {
        int tasks = 1000;
        int units = 200;
        List<String> unitNames = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            unitNames.add("单位" + u);
        }
        Organization org = new Organization(unitNames, Map.of());
        TreeMap<Integer, WorkPlan> plans = new TreeMap<>();
        for (int year = 2019; year <= 2023; year++) {
            List<PlanArea> areas = new ArrayList<>();
            for (int a = 0; a < 10; a++) {
                List<PlanTask> list = new ArrayList<>();
                for (int t = a * 100 + 1; t <= (a + 1) * 100; t++) {
                    list.add(new PlanTask(t, a + 1, "要点" + (a + 1), "任务内容" + t,
                            List.of(unitNames.get(t % units)),
                            List.of(unitNames.get((t + 1) % units), unitNames.get((t + 2) % units)),
                            LocalDate.of(year, 12, 31), Optional.empty()));
                }
                areas.add(new PlanArea(a + 1, "要点" + (a + 1), list));
            }
            plans.put(year, new WorkPlan(year, "计划" + year, "", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), areas));
        }
        Settings d = Settings.defaults();
        copyCalendar(dir);
        ConfigDirectory config = new ConfigDirectory(dir, null, d, org, plans,
                new Roster(List.of(new Person("leader", "领导", "单位0", Role.LEADER)),
                        List.of(ChatBinding.leaders("leaders"))));
        Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("big.db"));
        long rows = seed(storage, plans, d.zone());
        MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
        try (App app = new App(dir, config, storage, clock, Map.of())) {
            double[] millis = new double[9];
            for (int run = 0; run < millis.length; run++) {
                long start = System.nanoTime();
                String r = app.engine().receive(new InboundMessage("q-" + run, "bench", "leader", ChatType.GROUP,
                        Optional.of("leaders"), "进度", Optional.empty(), clock.instant())).orElseThrow()
                        .message().content();
                millis[run] = (System.nanoTime() - start) / 1e6;
                if (!r.contains("共 1000 项")) {
                    throw new AssertionError(r.substring(0, 200));
                }
            }
            System.out.printf("BENCH 进度 over %d report rows (5 years x 52 weeks x %d tasks x 3 units, %d units): "
                            + "ms per run %s, median %.1f ms%n",
                    rows, tasks, units, Arrays.toString(Arrays.stream(millis).mapToLong(Math::round).toArray()),
                    median(Arrays.copyOfRange(millis, 2, millis.length)));
        }
    }

    private static long seed(Storage storage, TreeMap<Integer, WorkPlan> plans, ZoneId zone) {
        long[] count = {0};
        storage.database().jdbi().useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO progress_report (plan_year, task_number, unit, reporter_id, kind, status, percent,
                        progress, problems, next_steps, report_week, reported_at)
                    VALUES (:year, :task, :unit, 'bench', 'report', 'IN_PROGRESS', :percent, '进展', '', '', :week, :at)""");
            for (WorkPlan plan : plans.values()) {
                LocalDate monday = plan.start().with(java.time.DayOfWeek.MONDAY);
                for (int w = 0; w < 52; w++) {
                    LocalDate day = monday.plusWeeks(w).plusDays(3);
                    long at = day.atStartOfDay(zone).plus(Duration.ofHours(15)).toInstant().toEpochMilli();
                    String week = io.duban.bot.report.ReportingWeek.of(day).toString();
                    for (PlanTask t : plan.tasks()) {
                        for (String unit : List.of(t.leadUnits().get(0), t.responsibleUnits().get(0), t.responsibleUnits().get(1))) {
                            batch.bind("year", plan.year()).bind("task", t.number()).bind("unit", unit)
                                    .bind("percent", Math.min(100, w * 2)).bind("week", week).bind("at", at).add();
                            count[0]++;
                        }
                    }
                    batch.execute();
                }
            }
        });
        return count[0];
    }

    /** The working calendar the weekly rhythm needs, from the shipped configuration. */
    private static void copyCalendar(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir.resolve("calendar"));
            try (var files = java.nio.file.Files.list(Path.of("../config/calendar"))) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.copy(f, dir.resolve("calendar").resolve(f.getFileName().toString()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
