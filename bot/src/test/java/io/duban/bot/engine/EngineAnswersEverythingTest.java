package io.duban.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.command.Access;
import io.duban.bot.command.Command;
import io.duban.bot.command.CommandContext;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import io.duban.bot.message.Reply;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine answers every stored message exactly once, through the outbox, addressed reply:&lt;message id&gt;:
 * pictures and files, strangers, and its own failures included.
 */
class EngineAnswersEverythingTest {
    @TempDir
    Path dir;
    TestBot bot;

    /** A command that fails inside, as a bug or a lost database connection would. */
    static final class Broken implements Command {
        @Override
        public String name() {
            return "故障";
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
            return "故障";
        }

        @Override
        public Access access() {
            return Access.REGISTERED;
        }

        @Override
        public Reply handle(CommandContext ctx, String args) {
            throw new IllegalStateException("simulated failure");
        }
    }

    @BeforeEach
    void start() {
        bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"), List.of(new Broken()));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String send(MessageKind kind, String user) {
        List<Reply> replies = bot.send(InboundMessage.of(kind, "k-" + kind + user, TestBot.TRANSPORT, user,
                ChatType.GROUP, Optional.of("wr-demo-ngk"), bot.clock.instant()));
        assertThat(replies).hasSize(1);
        return replies.get(0).text();
    }

    @Test
    void aPictureOrAFile_getsAPoliteAnswerWithAnExample_andStoresNoReport() {
        assertThat(send(MessageKind.IMAGE, "liuyang")).startsWith("抱歉，目前只能读懂文字消息").contains("图片", "例如", "帮助");
        assertThat(send(MessageKind.FILE, "liuyang")).contains("文件", "例如");
        assertThat(send(MessageKind.VOICE, "liuyang")).contains("语音");
        assertThat(bot.app.storage().reports().history(2023, 12)).isEmpty();
        assertThat(bot.app.storage().inbound().count()).isEqualTo(3);
    }

    @Test
    void aStrangersPicture_getsTheStrangersAnswer() {
        assertThat(send(MessageKind.IMAGE, "stranger")).contains("还没有在督办助手登记", "周慧");
    }

    @Test
    void aFailureInside_isApologisedFor_andTheMessageStaysStored() {
        assertThat(bot.say("liuyang", "wr-demo-ngk", "故障")).contains("出错", "消息已保存", "稍后再试")
                .doesNotContain("simulated", "Exception");
        assertThat(bot.app.storage().inbound().count()).isEqualTo(1);
    }

    @Test
    void everyAnswer_wentThroughTheOutbox_addressedToTheMessage_andWasDelivered() {
        bot.send("m-1", "liuyang", "wr-demo-ngk", "12 60% 已对接");
        bot.send("m-1", "liuyang", "wr-demo-ngk", "12 60% 已对接"); // a repeat: no second answer
        List<OutboxEntry> all = bot.app.storage().outbox().list(Arrays.asList(OutboxEntry.Status.values()), 100);
        assertThat(all).singleElement().satisfies(e -> {
            assertThat(e.message().address()).isEqualTo(Address.reply("m-1"));
            assertThat(e.status()).isEqualTo(OutboxEntry.Status.SENT);
            assertThat(e.message().content()).contains("已记录 农管科 对任务 12 的报送");
        });
        assertThat(bot.app.storage().replyRoutes().find("m-1")).hasValueSatisfying(r -> {
            assertThat(r.transport()).isEqualTo(TestBot.TRANSPORT);
            assertThat(r.conversationId()).isEqualTo("wr-demo-ngk");
        });
    }
}
