package io.duban.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.duty.Due;
import io.duban.bot.duty.DueCalculator;
import io.duban.bot.duty.ReportFacts;
import io.duban.bot.testing.TestBot;
import io.duban.roster.ChatBinding;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole 2023 plan period (2023-07-28 to 2023-12-31) on the working calendar, the shipped plan and roster,
 * ticking the rhythm just after each planned run of any job (the injected clock jumps from run to run): how many
 * prompts, private nudges and group reminders each unit gets.
 * Two behaviours: nobody ever answers (the upper bound), and every contact answers its private nudge at once
 * ("无变化" once the unit has figures, otherwise one line per due task).
 */
class PlanPeriodSimulationTest {
    static final Instant START = OffsetDateTime.parse("2023-07-28T08:00+08:00").toInstant();
    static final Instant END = OffsetDateTime.parse("2024-01-01T00:00+08:00").toInstant();

    @TempDir
    Path dir;

    /** Prompts, nudges and reminders per unit. */
    record Counts(int prompts, int nudges, int reminders) {
    }

    @Test
    void nobodyAnswers_onlyOwingUnitsAreEverAsked_andNoUnitMoreThanOnceAWeekPerKind() {
        Map<String, Counts> counts = simulate(false);
        print("nobody answers", counts);
        for (String unit : List.of("执法大队", "农技中心", "农安中心", "疫控中心", "农经站", "三农中心")) {
            assertThat(counts.get(unit)).as(unit + " only contributes").isEqualTo(new Counts(0, 0, 0));
        }
        // 22 prompt weeks in the period (weeks 31–52); the weekly tasks' units are asked every week
        assertThat(counts.get("农管科").prompts()).isEqualTo(22);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c.prompts()).isLessThanOrEqualTo(22));
        // task 16 is due only in the working days before 中秋/国庆 (9月22日–28日: weeks 38 and 39) and 元旦 (week 52)
        assertThat(counts.get("机关工会").prompts()).isEqualTo(3);
        // task 17 once a month, asked in the month's last reporting week (5 months)
        assertThat(counts.get("机关党支部").prompts()).isEqualTo(5);
    }

    @Test
    void everyoneAnswersTheirPrivateNudge_soNobodyIsRemindedInTheGroup() {
        Map<String, Counts> counts = simulate(true);
        print("contacts answer the private nudge", counts);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c.reminders()).isZero());
        // answering clears what is due: the monthly tasks are not asked again later in the month
        assertThat(counts.get("援外干部").prompts()).isEqualTo(5);
        assertThat(counts.get("农管科").prompts()).isEqualTo(22);
    }

    private Map<String, Counts> simulate(boolean answerNudges) {
        TestBot bot = new TestBot(dir, "2023-07-28T08:00+08:00");
        try {
            RhythmService rhythm = bot.app.rhythm();
            int answered = 0;
            while (bot.clock.instant().isBefore(END)) {
                for (RunOutcome o : rhythm.scheduler().tick(bot.clock.instant())) {
                    if (answerNudges && o.kind() == RunOutcome.Kind.ENQUEUED
                            && o.run().job().equals(ScheduleSettings.PRIVATE_NUDGE)) {
                        answered += answerEveryNudge(bot, o);
                    }
                }
                Instant now = bot.clock.instant();
                Optional<Instant> next = rhythm.jobs().stream().flatMap(j -> j.nextAfter(now).stream())
                        .map(r -> r.at().toInstant()).min(Instant::compareTo);
                if (next.isEmpty()) {
                    break;
                }
                bot.clock.set(next.get().plusSeconds(10));
            }
            assertThat(answered >= 0).isTrue();
            return count(bot);
        } finally {
            bot.close();
        }
    }

    /** Each nudged contact answers at once for everything its unit still owes this week. */
    private int answerEveryNudge(TestBot bot, RunOutcome nudge) {
        int sent = 0;
        DueCalculator due = bot.app.board().calculator(bot.app.plans().get());
        ReportFacts facts = bot.app.board().facts(bot.app.plans().get());
        IsoWeek week = IsoWeek.of(nudge.run().nominalDate());
        for (OutboxEntry e : nudge.enqueued()) {
            String userId = e.message().address().value();
            Person p = bot.app.storage().people().find(userId).orElseThrow();
            String chat = bot.app.storage().chats().all().stream().filter(c -> c.unit().filter(p.unit()::equals).isPresent())
                    .map(ChatBinding::chatId).findFirst().orElseThrow();
            List<Due> owed = due.dueFrom(p.unit(), week.reportingWeek(), facts);
            boolean allHaveFigures = owed.stream().allMatch(d -> bot.app.storage().reports()
                    .latestEffective(2023, d.task().number(), p.unit()).isPresent());
            if (allHaveFigures) {
                assertThat(bot.say(userId, chat, "无变化")).startsWith("已记录 " + p.unit() + " 本期无变化");
                sent++;
            } else {
                for (Due d : owed) {
                    boolean once = d.task().cadence().kind() == io.duban.plan.Cadence.Kind.ONCE;
                    bot.say(userId, chat, d.task().number() + (once ? " 100% 已完成" : " 30% 按计划推进"));
                    sent++;
                }
            }
        }
        return sent;
    }

    private static Map<String, Counts> count(TestBot bot) {
        List<OutboxEntry> all = bot.app.storage().outbox().list(Arrays.asList(OutboxEntry.Status.values()), 1_000_000);
        Map<String, String> chatUnit = bot.app.storage().chats().all().stream().filter(c -> c.unit().isPresent())
                .collect(Collectors.toMap(ChatBinding::chatId, c -> c.unit().orElseThrow()));
        Map<String, String> personUnit = bot.app.storage().people().all().stream()
                .filter(p -> p.role() == Role.CONTACT).collect(Collectors.toMap(Person::userId, Person::unit));
        Map<String, Counts> out = new LinkedHashMap<>();
        for (String unit : bot.app.config().organization().units()) {
            out.put(unit, new Counts(0, 0, 0));
        }
        for (OutboxEntry e : all) {
            String key = e.message().dedupeKey().orElse("");
            Address to = e.message().address();
            Optional<String> unit = Optional.ofNullable(to.kind() == Address.Kind.GROUP ? chatUnit.get(to.value())
                    : personUnit.get(to.value()));
            if (unit.isEmpty()) {
                continue;
            }
            Counts c = out.get(unit.get());
            if (key.startsWith("job:weekly-prompt:")) {
                c = new Counts(c.prompts() + 1, c.nudges(), c.reminders());
            } else if (key.startsWith("job:private-nudge:")) {
                c = new Counts(c.prompts(), c.nudges() + 1, c.reminders());
            } else if (key.startsWith("job:group-reminder:")) {
                c = new Counts(c.prompts(), c.nudges(), c.reminders() + 1);
            }
            out.put(unit.get(), c);
        }
        return out;
    }

    private static void print(String scenario, Map<String, Counts> counts) {
        StringBuilder sb = new StringBuilder("Simulation 2023-07-28..2023-12-31 (" + scenario + "): unit prompts/nudges/reminders\n");
        counts.forEach((u, c) -> sb.append("  ").append(u).append(' ').append(c.prompts()).append('/').append(c.nudges())
                .append('/').append(c.reminders()).append('\n'));
        System.out.println(sb);
    }
}
