package io.duban.bot.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.duty.Due;
import io.duban.bot.duty.DueCalculator;
import io.duban.bot.duty.DutyRules;
import io.duban.bot.duty.ReportFacts;
import io.duban.bot.report.ReportFilter;
import io.duban.bot.report.ReportingWeek;
import io.duban.bot.review.ReturnedReports;
import io.duban.calendar.CalendarFiles;
import io.duban.calendar.WorkCalendar;
import io.duban.config.ConfigDirectory;
import io.duban.plan.Cadence;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.ReportRepository;
import io.duban.storage.Storage;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReportStatus;
import io.duban.storage.model.ReviewDecision;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The due calculation reads the recent reports and a unit's older history only when a question reaches back
 * before them (issue 14): every answer (what is due, 未报送's base, missed in a row, staleness, reporting rates,
 * with and without the reports of the week) must be the same as from the whole year's reports, on a generated
 * history with gaps, completions, corrections, withdrawals, returned reports, ids out of time order and rows of
 * the year before and after. On SQLite, and on PostgreSQL when {@code DUBAN_TEST_PG_URL} is set.
 */
class RecentFactsTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static WorkPlan plan;
    static Organization org;
    static WorkCalendar calendar;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        ConfigDirectory config = ConfigDirectory.load(Path.of("../config"), name -> null);
        plan = config.plans().get(2023);
        org = config.organization();
        calendar = CalendarFiles.load(Path.of("../config"), null, name -> null);
    }

    @Test
    void recentFacts_answerAsTheWholeYear_onSqlite() {
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("facts.db"))) {
            sameAnswers(storage);
        }
    }

    @Test
    void recentFacts_answerAsTheWholeYear_onPostgres() {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        try (Storage storage = Storage.open(url)) {
            sameAnswers(storage);
        }
    }

    private void sameAnswers(Storage storage) {
        seed(storage, new Random(14));
        ReportFilter filter = new ReturnedReports(storage.reviews());
        DueCalculator due = new DueCalculator(plan, org, DutyRules.defaults(calendar, ZONE), (y, n) -> n % 11 == 0);
        AtomicInteger historiesRead = new AtomicInteger();
        ReportRepository counted = counting(storage.reports(), historiesRead);
        int compared = 0;
        for (LocalDate today = LocalDate.of(2023, 1, 4); today.isBefore(LocalDate.of(2024, 1, 20));
             today = today.plusDays(11)) {
            Instant asOf = today.atTime(18, 30).atZone(ZONE).toInstant();
            ReportFacts whole = ReportFacts.of(filter.countable(2023, storage.reports().allEffective(2023)), ZONE, asOf);
            String expected = answers(due, today, whole);
            LocalDate recent = StatusBoard.recentFrom(due, today);
            for (LocalDate from : List.of(recent, today, today.minusDays(6), today.minusDays(45), plan.start(),
                    today.plusDays(2))) {
                ReportFacts facts = AcceptedReports.load(counted, filter, 2023, asOf).facts(ZONE, asOf, from);
                assertThat(answers(due, today, facts)).as("%s, recent reports from %s", today, from)
                        .isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(150);
        assertThat(historiesRead).as("some questions reach back before the window").hasPositiveValue();
    }

    /** Every question the views ask the due calculation, as text. */
    private static String answers(DueCalculator due, LocalDate today, ReportFacts facts) {
        StringBuilder out = new StringBuilder();
        ReportingWeek week = ReportingWeek.of(today);
        for (ReportingWeek w : List.of(week, week.previous(), week.previous().previous().previous())) {
            out.append(w).append(" due ").append(keys(due.due(w, facts))).append('\n');
            out.append(w).append(" asked ").append(due.unitsAskedIn(w, facts)).append('\n');
        }
        ReportFacts earlier = facts.before(today.minusDays(20));
        for (PlanTask t : plan.tasks()) {
            if (t.cadence().kind() == Cadence.Kind.NONE) {
                continue;
            }
            for (String unit : org.owedBy(t)) {
                out.append(t.number()).append(' ').append(unit)
                        .append(" missed ").append(due.missedInARow(t, unit, today, facts))
                        .append(" due ").append(due.isDue(t, unit, today, facts))
                        .append(" missed20 ").append(due.missedInARow(t, unit, today.minusDays(20), earlier))
                        .append('\n');
            }
            out.append(t.number()).append(" stale ").append(due.staleness(t, today, facts)
                    .map(s -> s.unit() + " " + s.missed() + " " + s.lastMissed().key()).orElse("-")).append('\n');
        }
        for (String unit : org.units()) {
            out.append(unit).append(" rate ").append(due.rate(unit, today.minusDays(60), today, today, facts))
                    .append(" year ").append(due.rate(unit, plan.start(), today, today, facts)).append('\n');
        }
        return out.toString();
    }

    private static List<String> keys(List<Due> dues) {
        return dues.stream().map(d -> d.unit() + " " + d.task().number() + " " + d.period().key()).toList();
    }

    /** Counts the (task, unit) histories read one by one. */
    private static ReportRepository counting(ReportRepository reports, AtomicInteger read) {
        return (ReportRepository) java.lang.reflect.Proxy.newProxyInstance(RecentFactsTest.class.getClassLoader(),
                new Class<?>[] {ReportRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("effectivePoints") && args.length == 4) {
                        read.incrementAndGet();
                    }
                    try {
                        return method.invoke(reports, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Reports of every owing unit from mid-December 2022 to mid-January 2024 in one of five habits (regular, stops
     * in the summer, never, sporadic, done in the autumn), stored in shuffled order so ids do not follow time;
     * then corrections, withdrawals and returns of some, and rows of plan year 2022.
     */
    private static void seed(Storage storage, Random random) {
        List<NewReport> rows = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            for (String unit : org.assignedUnits(t)) {
                int habit = random.nextInt(5);
                for (LocalDate day = LocalDate.of(2022, 12, 15); day.isBefore(LocalDate.of(2024, 1, 15));
                     day = day.plusDays(1)) {
                    double p = switch (habit) {
                        case 0 -> 0.2;
                        case 1 -> day.isBefore(LocalDate.of(2023, 7, 1)) ? 0.2 : 0;
                        case 2 -> 0;
                        case 3 -> 0.03;
                        default -> 0.15;
                    };
                    if (random.nextDouble() < p) {
                        boolean done = habit == 4 && day.isAfter(LocalDate.of(2023, 9, 20)) && random.nextBoolean();
                        rows.add(report(2023, t.number(), unit, day, random, done));
                        if (random.nextDouble() < 0.03) {
                            rows.add(report(2022, t.number(), unit, day, random, false));
                        }
                    }
                }
            }
        }
        Collections.shuffle(rows, random);
        storage.inTransaction(() -> {
            List<ProgressReport> stored = new ArrayList<>();
            rows.forEach(r -> stored.add(storage.reports().append(r)));
            Set<Long> replaced = new HashSet<>();
            for (ProgressReport r : stored) {
                double x = random.nextDouble();
                if (x < 0.05) {
                    // a correction later the same day or the next, saying done or not
                    Instant at = r.reportedAt().plusSeconds(3600L * (1 + random.nextInt(30)));
                    boolean done = random.nextBoolean();
                    storage.reports().append(new NewReport(r.planYear(), r.taskNumber(), r.unit(), "u",
                            Optional.empty(), ReportKind.CORRECTION, Optional.of(r.id()),
                            Optional.of(done ? ReportStatus.DONE : ReportStatus.IN_PROGRESS),
                            OptionalInt.of(done ? 100 : 50), "更正", "", "", OptionalInt.empty(), OptionalInt.empty(),
                            ReportingWeek.of(at.atZone(ZONE).toLocalDate()).toString(), at, false));
                    replaced.add(r.id());
                } else if (x < 0.08) {
                    Instant at = r.reportedAt().plusSeconds(600);
                    storage.reports().append(new NewReport(r.planYear(), r.taskNumber(), r.unit(), "u",
                            Optional.empty(), ReportKind.WITHDRAWAL, Optional.of(r.id()), Optional.empty(),
                            OptionalInt.empty(), "", "", "", OptionalInt.empty(), OptionalInt.empty(),
                            ReportingWeek.of(at.atZone(ZONE).toLocalDate()).toString(), at, false));
                    replaced.add(r.id());
                } else if (x < 0.13) {
                    ReviewDecision d = random.nextInt(3) == 0 ? ReviewDecision.PASSED : ReviewDecision.RETURNED;
                    storage.reviews().record(new ReportReview(0, r.id(), d, "核查", "office", Optional.empty(),
                            r.reportedAt().plusSeconds(7200)));
                }
            }
            assertThat(replaced).isNotEmpty();
        });
    }

    private static NewReport report(int year, int task, String unit, LocalDate day, Random random, boolean done) {
        Instant at = day.atTime(7 + random.nextInt(16), random.nextInt(60)).atZone(ZONE).toInstant();
        int percent = done ? 100 : random.nextInt(100);
        boolean noChange = !done && random.nextInt(10) == 0;
        return new NewReport(year, task, unit, "u", Optional.empty(), ReportKind.REPORT, Optional.empty(),
                Optional.of(done ? ReportStatus.DONE : ReportStatus.IN_PROGRESS), OptionalInt.of(percent), "进展",
                "", "", OptionalInt.empty(), OptionalInt.empty(), ReportingWeek.of(day).toString(), at, noChange);
    }
}
