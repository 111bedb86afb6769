package io.duban.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.command.Access;
import io.duban.bot.command.Command;
import io.duban.bot.command.CommandContext;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.Reply;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.storage.model.Address;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.1: every stored message gets exactly one answer — a repeated delivery of a message still without answer
 * is answered (not swallowed), messages left without answer by a stop are answered by the recovery pass (late ones
 * as 稍晚回复, very old ones expired), and a failure inside undoes what it wrote while the message stays stored.
 */
class AnsweredOnceTest {
    @TempDir
    Path dir;
    TestBot bot;
    BotEngine engine;

    /** Writes a report, then fails: its report must not survive, the apology must be the answer. */
    static final class FailsAfterWriting implements Command {
        /** Set once the bot is built: the command writes into its storage. */
        io.duban.storage.Storage storage;

        @Override
        public String name() {
            return "写后故障";
        }

        @Override
        public List<String> aliases() {
            return List.of();
        }

        @Override
        public String summary() {
            return "测试用";
        }

        @Override
        public String example() {
            return "写后故障";
        }

        @Override
        public Access access() {
            return Access.REGISTERED;
        }

        @Override
        public Reply handle(CommandContext ctx, String args) {
            storage.reports().append(new NewReport(2023, 12, "农管科", "liuyang",
                    Optional.of(ctx.inboundId()), ReportKind.REPORT, Optional.empty(),
                    Optional.of(ReportStatus.IN_PROGRESS), OptionalInt.of(50), "半途", "", "", OptionalInt.empty(),
                    OptionalInt.empty(), "2023-W41", ctx.message().receivedAt()));
            throw new IllegalStateException("simulated failure after a write");
        }
    }

    @BeforeEach
    void start() {
        FailsAfterWriting failing = new FailsAfterWriting();
        bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"), List.of(failing));
        failing.storage = bot.app.storage();
        engine = bot.app.engine();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private InboundMessage message(String id, String transport, String text) {
        return new InboundMessage(id, transport, "liuyang", ChatType.GROUP, Optional.of("wr-demo-ngk"), text,
                Optional.empty(), bot.clock.instant());
    }

    private List<OutboxEntry> answersTo(String messageId) {
        return bot.app.storage().outbox().list(List.of(OutboxEntry.Status.PENDING), 1000).stream()
                .filter(e -> e.message().dedupeKey().orElse("").endsWith(":" + messageId)).toList();
    }

    @Test
    void aRepeatedDelivery_ofAMessageStoredButNotAnswered_isAnsweredOnce() {
        // the first delivery is stored, then the process stops before answering
        assertThat(engine.accept(message("m1", "wecom-ws", "12 60% 本周进展"))).isPresent();
        assertThat(bot.app.storage().inbound().countUnanswered()).isEqualTo(1);

        assertThat(engine.receive(message("m1", "wecom-ws", "12 60% 本周进展"))).isPresent();
        assertThat(engine.receive(message("m1", "wecom-ws", "12 60% 本周进展"))).isEmpty();

        assertThat(answersTo("m1")).hasSize(1).first().satisfies(e -> assertThat(e.message().content())
                .contains("已记录"));
        assertThat(bot.app.storage().inbound().count()).isEqualTo(1);
        assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(1);
    }

    @Test
    void aFailureAfterAWrite_undoesTheWrite_andTheMessageIsAnsweredWithTheApology() {
        assertThat(bot.sayIn("wr-demo-ngk", "liuyang", "写后故障")).contains("出错", "消息已保存");
        assertThat(bot.app.storage().reports().history(2023, 12)).isEmpty();
        assertThat(bot.app.storage().inbound().count()).isEqualTo(1);
        assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
        assertThat(bot.app.storage().inbound().countWithOutcome("error:internal")).isEqualTo(1);
    }

    @Test
    void messagesLeftWithoutAnswer_areAnsweredByTheRecoveryPass_onceEach() {
        for (int i = 0; i < 3; i++) {
            engine.accept(message("left-" + i, "wecom-ws", "12 " + (40 + i) + "% 进展" + i));
        }
        UnansweredMessages recovery = new UnansweredMessages(engine, bot.app.storage(), bot.clock, "test");

        UnansweredMessages.Pass pass = recovery.answerDue(Duration.ZERO);
        assertThat(pass.answered()).isEqualTo(3);
        assertThat(recovery.answerDue(Duration.ZERO).total()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(answersTo("left-" + i)).hasSize(1).first()
                    .satisfies(e -> assertThat(e.message().address()).isEqualTo(Address.reply(e.message()
                            .address().value())));
        }
        // the engine's own delivery after the recovery answered finds it answered
        assertThat(engine.receive(message("left-0", "wecom-ws", "12 40% 进展0"))).isEmpty();
    }

    @Test
    void aMessagePastTheReplyWindow_isAnsweredAsANewMessageMarkedLate_andAVeryOldOneExpires() {
        engine.accept(message("old", "wecom-ws", "帮助"));
        engine.accept(message("local", "console", "帮助"));
        bot.advance(Duration.ofHours(25));
        engine.accept(message("ancient-to-be", "wecom-ws", "帮助"));

        UnansweredMessages recovery = new UnansweredMessages(engine, bot.app.storage(), bot.clock, "test");
        UnansweredMessages.Pass pass = recovery.answerDue(Duration.ZERO);

        assertThat(pass.late()).isEqualTo(1);
        assertThat(pass.expired()).isEqualTo(1); // the console cannot send a message on its own
        assertThat(pass.answered()).isEqualTo(1);
        OutboxEntry late = answersTo("old").get(0);
        assertThat(late.message().address()).isEqualTo(Address.group("wr-demo-ngk"));
        assertThat(late.message().content()).startsWith(BotEngine.LATE_PREFIX);
        assertThat(bot.app.storage().inbound().countWithOutcome(UnansweredMessages.EXPIRED)).isEqualTo(1);

        engine.accept(message("week-old", "wecom-ws", "帮助"));
        bot.advance(Duration.ofDays(8));
        assertThat(recovery.answerDue(Duration.ZERO).expired()).isEqualTo(1);
        assertThat(answersTo("week-old")).isEmpty();
        assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
    }

    @Test
    void theRecoveryPass_leavesYoungMessagesToTheTransportAnsweringThem() {
        engine.accept(message("young", "wecom-ws", "帮助"));
        UnansweredMessages recovery = new UnansweredMessages(engine, bot.app.storage(), bot.clock, "test");
        assertThat(recovery.answerDue(UnansweredMessages.GRACE).total()).isZero();
        bot.advance(UnansweredMessages.GRACE.plusSeconds(1));
        assertThat(recovery.answerDue(UnansweredMessages.GRACE).answered()).isEqualTo(1);
    }
}
