package io.duban.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import io.duban.bot.text.Screen;
import io.duban.plan.PlanTask;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.model.Address;
import io.duban.storage.model.JobRun;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rhythm end to end on the shipped plan, roster and calendar, a real SQLite file and a hand-moved clock. */
class RhythmTest {
    static final String NGK = "wr-demo-ngk";
    static final String BGS = "wr-demo-bgs";
    static final String LEADERS = "wr-demo-leaders";
    /**
     * Units that owe reports in week 41 (nothing reported): 办公室 (1, 2, 11 monthly, asked in October's second
     * reporting week), 党群科 (7–10 likewise), 农管科 (12, 15 weekly), 集指科 (12 weekly) and 援外干部 (8).
     * Responsible units that only contribute are never prompted, nudged or reminded.
     */
    static final int DUE_UNITS_W41 = 5;

    @TempDir
    Path dir;
    TestBot bot;
    RhythmService rhythm;

    @BeforeEach
    void start() {
        bot = new TestBot(dir, "2023-10-09T09:00+08:00");
        rhythm = bot.app.rhythm();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    static Instant t(String s) {
        return OffsetDateTime.parse(s).toInstant();
    }

    List<OutboxEntry> outbox() {
        return bot.app.storage().outbox().list(Arrays.asList(OutboxEntry.Status.values()), 100_000);
    }

    List<OutboxEntry> outbox(String job) {
        return outbox().stream().filter(e -> e.message().dedupeKey().orElse("").startsWith("job:" + job + ":")).toList();
    }

    static String text(List<OutboxEntry> entries, Address to) {
        return entries.stream().filter(e -> e.message().address().equals(to)).map(e -> e.message().content())
                .findFirst().orElseThrow(() -> new AssertionError("no message to " + to));
    }

    /** 农管科 reports every one of its tasks at the clock's time. */
    void ngkReportsEverything(int percent) {
        for (PlanTask task : bot.app.config().currentPlan().tasks()) {
            if (bot.app.config().organization().isAssigned(task, "农管科")) {
                bot.say("liuyang", NGK, task.number() + " " + percent + "% 按计划推进");
            }
        }
    }

    @Test
    void weeklyPrompt_goesToEachUnitGroup_withItsTasksLastStateReplyFormatAndDeadline() {
        bot.clock.set("2023-10-07T10:00+08:00");   // a 调休 Saturday of week 40
        bot.say("liuyang", NGK, "12 60% 已对接保山咖啡企业2家");
        List<RunOutcome> done = rhythm.scheduler().tick(t("2023-10-12T15:00:20+08:00"));
        assertThat(done).filteredOn(o -> o.run().job().equals("weekly-prompt") && o.run().period().equals("2023-W41"))
                .extracting(RunOutcome::kind).containsExactly(RunOutcome.Kind.ENQUEUED);
        List<OutboxEntry> prompts = outbox("weekly-prompt");
        assertThat(prompts).hasSize(DUE_UNITS_W41).allSatisfy(e -> {
            assertThat(e.message().address().kind()).isEqualTo(Address.Kind.GROUP);
            assertThat(e.message().mentions()).isEmpty();
        });
        assertThat(prompts).noneMatch(e -> e.message().address().value().equals(LEADERS));
        String ngk = text(prompts, Address.group(NGK));
        assertThat(ngk).isEqualTo("""
                【每周进展填报】第41周（10月9日—10月15日）
                农管科请在 10月13日（周五）17:00 前报送以下 2 项：
                · 12 推动产业发展：上次 60%（第40周）
                · 15 促进农特产品销售：尚无报送
                一条消息即可，每项一行，没有新进展的写“无变化”（都没有新进展只回“无变化”），例如：
                @督办助手 12 60% 本周进展；问题：…；下一步：…
                15 无变化""");
        // 农管科 only contributes to 1–6, 9–11, 13, 18, 19: none of them is asked of it
        assertThat(prompts).noneMatch(e -> e.message().address().value().equals("wr-demo-njzx"));
        assertThat(prompts.stream().map(e -> e.message().dedupeKey().orElseThrow()))
                .contains("job:weekly-prompt:2023-W41:wr-demo-ngk");
    }

    @Test
    void closedTasks_areNotPromptedWarnedOrNudged() {
        for (int task : new int[] {12, 15}) {   // closed (销号) as the office does it: stored, read by the one board
            bot.app.storage().closures().append(new io.duban.storage.model.ClosureEvent(0, 2023, task,
                    io.duban.storage.model.ClosureAction.APPROVED, "办公室", "zhouhui", "已核验",
                    java.util.Optional.empty(), t("2023-10-10T10:00+08:00")));
        }
        RhythmService closing = bot.app.rhythm();
        String ngk = closing.preview("weekly-prompt", t("2023-10-12T15:00+08:00")).orElseThrow().messages().stream()
                .filter(m -> m.address().equals(Address.group(NGK))).findFirst().map(OutboundMessage::content).orElse("");
        assertThat(ngk).isEmpty();   // nothing else is due from 农管科: no prompt at all   // nothing else is due from 农管科: no prompt at all
        String warning = closing.preview("deadline-warning", t("2023-12-01T09:30+08:00")).orElseThrow().text();
        assertThat(warning).doesNotContain("农管科牵头");
    }

    @Test
    void aTaskClosedInStorage_leavesTheRhythmByDefault() {
        bot.app.storage().closures().append(new io.duban.storage.model.ClosureEvent(0, 2023, 12,
                io.duban.storage.model.ClosureAction.APPROVED, "办公室", "zhouhui", "已核验", java.util.Optional.empty(),
                t("2023-10-10T10:00+08:00")));
        RhythmService fresh = bot.app.rhythm();
        String ngk = fresh.preview("weekly-prompt", t("2023-10-12T15:00+08:00")).orElseThrow().messages().stream()
                .filter(m -> m.address().equals(Address.group(NGK))).findFirst().orElseThrow().content();
        assertThat(ngk).doesNotContain("12 推动产业发展").contains("· 15 促进农特产品销售");
    }

    @Test
    void nudges_goFirstPrivatelyThenToTheGroup_mentioningOnlyTheContactsStillMissing() {
        bot.clock.set("2023-10-12T16:00+08:00");
        ngkReportsEverything(50);
        rhythm.scheduler().tick(t("2023-10-13T10:00:10+08:00"));
        List<OutboxEntry> nudges = outbox("private-nudge");
        Map<String, Person> people = bot.app.storage().people().all().stream()
                .collect(Collectors.toMap(Person::userId, p -> p));
        assertThat(nudges).hasSize(DUE_UNITS_W41 - 1).allSatisfy(e -> {
            assertThat(e.message().address().kind()).isEqualTo(Address.Kind.PERSON);
            assertThat(people.get(e.message().address().value()).role()).isEqualTo(Role.CONTACT);
        });
        assertThat(nudges).noneMatch(e -> e.message().address().value().equals("liuyang"));
        assertThat(text(nudges, Address.person("wangfang")))
                .contains("王芳您好", "办公室本周（第41周）还有 3 项没有收到：1 强化政治意识、2 领导调研对接、11 专家工作站",
                        "请在 10月13日（周五）17:00 前直接在这里回复我", "\n1 60% 本周进展；问题：…；下一步：…\n2 无变化\n11 50% 进展…\n");

        bot.clock.set("2023-10-13T11:00+08:00");
        bot.say("wangfang", BGS, "1 30% 已召开专题会");   // 办公室 still owes its other tasks
        rhythm.scheduler().tick(t("2023-10-13T14:00:10+08:00"));
        List<OutboxEntry> reminders = outbox("group-reminder");
        assertThat(reminders).hasSize(DUE_UNITS_W41 - 1).allSatisfy(e -> {
            OutboundMessage m = e.message();
            assertThat(m.address().kind()).isEqualTo(Address.Kind.GROUP);
            String unit = bot.app.storage().chats().find(m.address().value()).orElseThrow().unit().orElseThrow();
            List<String> contacts = people.values().stream()
                    .filter(p -> p.unit().equals(unit) && p.role() == Role.CONTACT).map(Person::userId).toList();
            assertThat(m.mentions()).containsExactlyInAnyOrderElementsOf(contacts);
            assertThat(m.content()).doesNotContain("@all", "所有人");
        });
        assertThat(reminders).noneMatch(e -> e.message().address().value().equals(NGK));
        assertThat(text(reminders, Address.group(BGS))).contains("办公室本周（第41周）还有 2 项没有收到：2 领导调研对接、11 专家工作站",
                        "请联络员王芳在 10月13日（周五）17:00 前 @督办助手 报送", "@督办助手 2 60% 本周进展")
                .doesNotContain("强化政治意识");
    }

    @Test
    void quietHours_deferARun_andBeyondTheGraceItIsSkippedWithARow() {
        List<RunOutcome> evening = rhythm.scheduler().tick(t("2023-10-12T20:30+08:00"));
        assertThat(evening).filteredOn(o -> o.run().job().equals("weekly-prompt") && o.run().period().equals("2023-W41"))
                .extracting(RunOutcome::kind).containsExactly(RunOutcome.Kind.DEFERRED);
        assertThat(outbox()).isEmpty();
        assertThat(bot.app.storage().jobRuns().find("weekly-prompt", "2023-W41")).isEmpty();

        List<RunOutcome> morning = rhythm.scheduler().tick(t("2023-10-13T08:00+08:00"));
        assertThat(morning).filteredOn(o -> o.run().job().equals("weekly-prompt") && o.run().period().equals("2023-W41"))
                .extracting(RunOutcome::kind).containsExactly(RunOutcome.Kind.SKIPPED);
        JobRun skipped = bot.app.storage().jobRuns().find("weekly-prompt", "2023-W41").orElseThrow();
        assertThat(skipped.status()).isEqualTo(JobRun.Status.SKIPPED);
        assertThat(skipped.note()).contains("missed by 17 h", "grace 6 h");
        assertThat(outbox("weekly-prompt")).isEmpty();
    }

    @Test
    void aMissedRun_isSentLateWithinTheGrace() {
        List<RunOutcome> late = rhythm.scheduler().tick(t("2023-10-12T19:59+08:00"));
        assertThat(late).filteredOn(o -> o.run().job().equals("weekly-prompt") && o.run().period().equals("2023-W41"))
                .extracting(RunOutcome::kind).containsExactly(RunOutcome.Kind.ENQUEUED);
        assertThat(outbox("weekly-prompt")).hasSize(DUE_UNITS_W41);
    }

    @Test
    void theBackgroundLoop_ticksWithTheInjectedClock_andStopsWhenClosed() throws Exception {
        bot.clock.set("2023-10-12T15:00:05+08:00");
        try (AutoCloseable loop = rhythm.startInBackground()) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> outbox("weekly-prompt").size() == DUE_UNITS_W41);
        }
        assertThat(bot.app.storage().jobRuns().find("weekly-prompt", "2023-W41")).isPresent();
    }

    @Test
    void pushes_onlyOnWorkingDaysOutsideQuietHours() {
        Scheduler s = rhythm.scheduler();
        assertThat(s.pushAllowed(t("2023-10-14T10:00+08:00"))).isFalse();   // Saturday
        assertThat(s.pushAllowed(t("2023-10-07T10:00+08:00"))).isTrue();    // 调休 Saturday
        assertThat(s.pushAllowed(t("2023-10-03T10:00+08:00"))).isFalse();   // 国庆
        assertThat(s.pushAllowed(t("2023-10-12T07:59+08:00"))).isFalse();   // quiet hours
        assertThat(s.pushAllowed(t("2023-10-12T08:00+08:00"))).isTrue();
        assertThat(s.pushAllowed(t("2023-10-12T20:00+08:00"))).isFalse();
    }

    @Test
    void eachRunIsEnqueuedOnce_acrossTicksRestartsAndClockJumps() {
        rhythm.scheduler().tick(t("2023-10-12T15:00:10+08:00"));
        rhythm.scheduler().tick(t("2023-10-12T15:00:40+08:00"));
        List<OutboxEntry> first = outbox();
        assertThat(first).hasSize(DUE_UNITS_W41);

        bot = bot.restart();   // the claim and the outbox rows survive; nobody has sent them yet
        rhythm = bot.app.rhythm();
        rhythm.scheduler().tick(t("2023-10-12T15:01+08:00"));
        rhythm.scheduler().tick(t("2023-10-12T14:00+08:00"));   // the clock jumps back …
        rhythm.scheduler().tick(t("2023-10-12T15:30+08:00"));   // … and forward again
        assertThat(outbox()).extracting(OutboxEntry::id).containsExactlyElementsOf(first.stream().map(OutboxEntry::id).toList());
        assertThat(outbox()).allMatch(e -> e.status() == OutboxEntry.Status.PENDING);
        assertThat(bot.app.storage().jobRuns().find("weekly-prompt", "2023-W41").orElseThrow().messageCount()).isEqualTo(DUE_UNITS_W41);
        assertThat(rhythm.run("weekly-prompt", t("2023-10-12T15:00+08:00")).orElseThrow().kind())
                .isEqualTo(RunOutcome.Kind.ALREADY_CLAIMED);
    }

    @Test
    void twoSchedulersOnOneSqliteFile_exactlyOneClaimWins() throws Exception {
        try (TestBot other = new TestBot(dir, bot.clock)) {
            RhythmService second = other.app.rhythm();
            for (String at : List.of("2023-10-12T15:00:05+08:00", "2023-10-13T10:00:05+08:00",
                    "2023-10-13T14:00:05+08:00", "2023-10-16T09:00:05+08:00")) {
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<List<RunOutcome>>> results = new ArrayList<>();
                for (RhythmService r : List.of(rhythm, second)) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return r.scheduler().tick(t(at));
                    }));
                }
                go.countDown();
                List<RunOutcome> all = new ArrayList<>();
                for (Future<List<RunOutcome>> f : results) {
                    all.addAll(f.get());
                }
                pool.shutdown();
                assertThat(all).as(at).filteredOn(o -> o.kind() == RunOutcome.Kind.ENQUEUED).hasSize(1);
            }
        }
        List<String> keys = outbox().stream().map(e -> e.message().dedupeKey().orElseThrow()).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(outbox("weekly-prompt")).hasSize(DUE_UNITS_W41);
        assertThat(outbox("private-nudge")).hasSize(DUE_UNITS_W41);
        assertThat(outbox("group-reminder")).hasSize(DUE_UNITS_W41);
        assertThat(outbox("weekly-summary")).hasSize(2);   // the digest and its chart
    }

    @Test
    void preview_sendsAndClaimsNothing() {
        RhythmService.Preview p = rhythm.preview("group-reminder", t("2023-10-13T14:30+08:00")).orElseThrow();
        assertThat(p.run().period()).isEqualTo("2023-W41");
        assertThat(p.messages()).hasSize(DUE_UNITS_W41);
        assertThat(p.text()).contains("群 wr-demo-ngk（农管科）", "@ 刘洋（liuyang，农管科）",
                "去重键 job:group-reminder:2023-W41:wr-demo-ngk");
        assertThat(outbox()).isEmpty();
        assertThat(bot.app.storage().jobRuns().find("group-reminder", "2023-W41")).isEmpty();
    }

    @Test
    void weeklySummary_isTenLinesAtMost_leadsWithWhatNeedsALeader_andIsFollowedByTheChart() {
        bot.clock.set("2023-10-03T10:00+08:00");   // week 40: 党群科 and 办公室 report
        bot.say("chenlei", "wr-demo-dqk", "17 40% 援滇人数：9；疗休养总人数：90");
        bot.say("wangfang", BGS, "5 50% 汇总进度");
        bot.clock.set("2023-10-10T10:00+08:00");   // week 41: 农管科 is blocked, 党群科 reports again, 办公室 does not
        bot.say("liuyang", NGK, "12 30% 受阻 冷链物流未落实；问题：冷链成本高，<@all> 请看 [链接](http://x.cn)");
        bot.say("chenlei", "wr-demo-dqk", "17 60% 援滇人数：15；疗休养总人数：90");
        List<OutboundMessage> messages = rhythm.preview("weekly-summary", t("2023-10-16T09:00+08:00")).orElseThrow()
                .messages();
        assertThat(messages).extracting(m -> m.address().value()).containsExactly(LEADERS, LEADERS);
        assertThat(messages).extracting(OutboundMessage::format)
                .containsExactly(OutboundMessage.Format.MARKDOWN, OutboundMessage.Format.IMAGE);
        String s = messages.get(0).content();
        assertThat(Screen.lines(s)).isLessThanOrEqualTo(10);
        assertThat(Screen.chars(s)).isLessThanOrEqualTo(Screen.MAX_CHARS);
        assertThat(s).startsWith("**【督办周报】第41周（10月9日—10月15日）**");
        assertThat(line(s, "共 19 项")).contains("红 1", "黄 ", "绿 ");
        assertThat(line(s, "🔴 12 ")).contains("受阻");
        assertThat(s).contains("❓ 12 农管科：冷链成本高").doesNotContain("<@all>", "](http");
        String silent = line(s, "上周未报送");
        assertThat(silent).contains("集指科（连续 2 周）", "办公室").doesNotContain("办公室（连续", "党群科", "农管科");
        assertThat(s.lines().reduce((a, b) -> b).orElseThrow()).startsWith("更多请发：");
        byte[] png = java.util.Base64.getDecoder().decode(messages.get(1).content());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isLessThan(2 * 1024 * 1024);
    }

    private static String line(String text, String prefix) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    @Test
    void aSummaryWithManyLongProblems_staysOnOneScreen() {
        bot.clock.set("2023-10-10T10:00+08:00");
        String longProblem = "问题：" + "冷链运输成本高、对接企业数量不足、资金拨付进度偏慢，".repeat(12);
        for (Person p : bot.app.storage().people().all()) {
            if (p.role() != Role.CONTACT) {
                continue;
            }
            bot.app.config().currentPlan().tasks().stream()
                    .filter(task -> bot.app.config().organization().isLead(task, p.unit())).limit(3)
                    .forEach(task -> bot.send("m-" + p.userId() + task.number(), p.userId(),
                            bot.app.storage().chats().all().stream().filter(c -> c.unit().filter(p.unit()::equals)
                                    .isPresent()).findFirst().orElseThrow().chatId(),
                            task.number() + " 40% 推进；" + longProblem));
        }
        String expected = rhythm.preview("weekly-summary", t("2023-10-16T09:00+08:00")).orElseThrow().messages()
                .get(0).content();
        rhythm.scheduler().tick(t("2023-10-16T09:00:30+08:00"));
        List<OutboxEntry> summary = outbox("weekly-summary");
        assertThat(summary).hasSize(2);
        String stored = summary.get(0).message().content();
        assertThat(stored).isEqualTo(expected);
        assertThat(Screen.lines(stored)).as(stored).isLessThanOrEqualTo(10);
        assertThat(Screen.chars(stored)).isLessThanOrEqualTo(Screen.MAX_CHARS);
        assertThat(stored.lines().filter(l -> l.startsWith("❓"))).hasSize(3);
        assertThat(stored).contains("问题（共 ");
    }

    @Test
    void deadlineWarnings_goToTheLeadUnitsGroups() {
        RhythmService.Preview p = rhythm.preview("deadline-warning", t("2023-12-01T10:00+08:00")).orElseThrow();
        assertThat(p.run().period()).isEqualTo("2023-12-01");
        String bgs = p.messages().stream().filter(m -> m.address().equals(Address.group(BGS))).findFirst()
                .orElseThrow().content();
        assertThat(bgs).contains("【截止提醒】办公室牵头的以下任务即将到期", "5. 加强跟踪督促", "截止 2023-12-31（还有 30 天）");
        assertThat(p.messages()).extracting(m -> m.address().value())
                .doesNotContain(LEADERS, "wr-demo-njzx");   // 农技中心 leads nothing

        bot.clock.set("2023-11-30T10:00+08:00");
        bot.say("liuyang", NGK, "12 100% 已完成");
        String ngk = rhythm.preview("deadline-warning", t("2023-12-01T10:00+08:00")).orElseThrow().messages().stream()
                .filter(m -> m.address().equals(Address.group(NGK))).findFirst().orElseThrow().content();
        assertThat(ngk).contains("15. ").doesNotContain("12. ");   // done tasks need no warning
    }

    @Test
    void holidayReminders_goToTheUnionUnitsOfTask16() {
        RhythmService.Preview p = rhythm.preview("holiday-reminder", t("2023-09-22T10:00+08:00")).orElseThrow();
        assertThat(p.messages()).extracting(m -> m.address().value())
                .containsExactly("wr-demo-wgh", "wr-demo-jggh", "wr-demo-sygh");
        assertThat(p.messages().get(0).content()).contains("【节前提醒】中秋、国庆假期将于 9月29日（周五）开始",
                "小闵帮扶", "第 16 项任务");
    }

    @Test
    void monthlyReport_showsCompletionColoursOverdueAndReportingRates() {
        bot.clock.set("2023-10-10T10:00+08:00");
        bot.say("liuyang", NGK, "12 100% 已完成");
        bot.say("liuyang", NGK, "15 100% 已完成");
        String m = rhythm.preview("monthly-report", t("2023-10-25T09:00+08:00")).orElseThrow().messages().get(0)
                .content();
        List<OutboundMessage> all = rhythm.preview("monthly-report", t("2023-10-25T09:00+08:00")).orElseThrow()
                .messages();
        List<String> sections = all.stream().filter(x -> x.address().value().equals(LEADERS))
                .map(OutboundMessage::content).toList();
        assertThat(sections).hasSizeGreaterThanOrEqualTo(2).allSatisfy(x -> {
            assertThat(Screen.lines(x)).isLessThanOrEqualTo(Screen.MAX_LINES);
            assertThat(Screen.chars(x)).isLessThanOrEqualTo(Screen.MAX_CHARS);
        });
        assertThat(m).contains("【月度通报】2023年10月（截至10月25日）", "完成率：已完成 2 项／共 19 项", "逾期任务：无");
        String joined = String.join("\n", sections);
        // rates over what was due this month under each task's cadence: 农管科 owed 12 and 15 in weeks 40–43
        // and reported both done on 10月10日 (week 40 stays missed); 办公室 owed 1, 2, 11 (week 41), 13 (weeks
        // 40, 42), 18 and 19 (week 43); contributors such as 农技中心 owe nothing and get no rate
        assertThat(joined).contains("各单位报送率（本月应报 31 份，按时 6 份）", "农管科 6/8（75%）", "办公室 0/7（0%）");
        assertThat(joined.substring(joined.indexOf("各单位报送率"))).doesNotContain("农技中心", "委工会");
        // the same day the office's chat gets the 台账 as a file
        OutboundMessage ledger = all.stream().filter(x -> x.format() == OutboundMessage.Format.FILE).findFirst()
                .orElseThrow();
        assertThat(ledger.address()).isEqualTo(Address.group(BGS));
        io.duban.storage.model.FileContent file = io.duban.storage.model.FileContent.decode(ledger.content());
        assertThat(file.fileName()).isEqualTo("台账-2023-10-25.xlsx");
        assertThat(file.bytes()).startsWith('P', 'K');
    }

    @Test
    void remindNow_nudgesPrivatelyFirst_thenInGroups_onceAnHour_neverInQuietHours() {
        assertThat(rhythm.remindNow(t("2023-10-13T21:00+08:00"))).contains("免打扰");
        String first = rhythm.remindNow(t("2023-10-13T09:10+08:00"));
        assertThat(first).startsWith("已私信提醒 5 个未报齐单位的联络员").contains("农管科（刘洋）")
                .doesNotContain("农技中心").endsWith("本周 5 个单位中 0 个有报送、0 个已报齐。");
        assertThat(rhythm.remindNow(t("2023-10-13T09:40+08:00"))).contains("已经提醒过");
        rhythm.scheduler().tick(t("2023-10-13T10:00:10+08:00"));   // the scheduled private nudge
        String second = rhythm.remindNow(t("2023-10-13T11:00+08:00"));
        assertThat(second).startsWith("已在各单位群里提醒 5 个");
        assertThat(outbox("remind-now")).hasSize(2 * DUE_UNITS_W41);
    }

    @Test
    void theAdminIsWarnedBeforeTheHolidayDataRunsOut() {
        assertThat(rhythm.calendarWarning(t("2023-10-09T09:00+08:00"))).isEmpty();
        assertThat(rhythm.calendarWarning(t("2026-09-01T09:00+08:00"))).isEmpty();
        assertThat(rhythm.calendarWarning(t("2026-11-15T09:00+08:00"))).hasValueSatisfying(w ->
                assertThat(w).contains("节假日数据只到 2026-12-31", "config/calendar/"));
        assertThat(rhythm.list(t("2026-11-15T09:00+08:00"))).startsWith("注意：节假日数据只到");
    }
}
