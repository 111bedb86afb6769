package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.engine.ChatType;
import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxReplySinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-10-09T01:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    private Storage storage;
    private OutboxReplySink sink;

    @BeforeEach
    void open() {
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"));
        sink = new OutboxReplySink(storage.outbox(), storage.responseUrls(), CLOCK);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static InboundMessage message(String id, String transport) {
        return new InboundMessage(id, transport, "liuyang", ChatType.GROUP, Optional.of("wr-demo-ngk"), "12 60%",
                Optional.empty(), CLOCK.instant());
    }

    private List<OutboxEntry> pending() {
        return storage.outbox().list(List.of(OutboxEntry.Status.PENDING), 10);
    }

    @Test
    void aRobotReply_isQueuedAsAReplyToTheMessage_andItsResponseUrlIsKept() {
        InboundMessage m = message("CAIQ16", "wecom-callback");
        sink.replyViaResponseUrl(m, "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=X",
                new Reply("已记录", List.of("liuyang")));
        sink.replyViaResponseUrl(m, "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=X",
                new Reply("已记录", List.of("liuyang")));

        assertThat(pending()).hasSize(1);
        OutboxEntry e = pending().get(0);
        assertThat(e.message().address()).isEqualTo(Address.reply("CAIQ16"));
        assertThat(e.message().content()).isEqualTo("已记录");
        assertThat(e.message().mentions()).containsExactly("liuyang");
        assertThat(storage.responseUrls().find("CAIQ16"))
                .contains("https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=X");
    }

    @Test
    void appReplies_areQueuedToThePerson_eachOnce() {
        InboundMessage m = message("4561255354251345929", "wecom-app");
        sink.replyToUser(m, "liuyang", Reply.of("第一段"));
        sink.replyToUser(m, "liuyang", Reply.of("第二段"));
        sink.replyToUser(m, "liuyang", Reply.of("第一段")); // the same answer again (a retry) is not queued twice

        assertThat(pending()).extracting(e -> e.message().content()).containsExactly("第一段", "第二段");
        assertThat(pending()).extracting(e -> e.message().address()).containsOnly(Address.person("liuyang"));
    }
}
