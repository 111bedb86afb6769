package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import io.duban.bot.testing.TestBot;
import io.duban.bot.wecom.ws.CallbackMapper;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voice with its recognised text is read as if typed; text with pictures is read as text and the answer says the
 * pictures are not kept; a voice message without text gets the same answer on the long connection and the robot
 * callback.
 */
class VoiceAndPicturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NGK = "wr-demo-ngk";

    @TempDir
    Path dir;
    TestBot bot;
    int ids;

    @BeforeEach
    void start() {
        bot = new TestBot(dir, "2023-10-09T09:00+08:00");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private static String body(String msgtype, String content) {
        return """
                {"msgid":"%s","chattype":"group","chatid":"wr-demo-ngk","from":{"userid":"liuyang"},
                 "msgtype":"%s",%s}""".formatted("w" + System.nanoTime(), msgtype, content);
    }

    private InboundMessage viaLongConnection(String json) throws Exception {
        return CallbackMapper.toInbound(JSON.readTree(json), bot.clock.instant());
    }

    private InboundMessage viaRobotCallback(String json) {
        CallbackEvent event = new RobotJsonFormat().decode(json, bot.clock.instant());
        return ((CallbackEvent.Message) event).message();
    }

    /** The same message as the test transport delivers it (the engine answers by transport). */
    private String answer(InboundMessage m) {
        InboundMessage local = new InboundMessage("t-" + ++ids, TestBot.TRANSPORT, m.senderId(), m.chatType(),
                m.chatId(), m.kind(), m.text(), m.quotedText(), m.receivedAt(), m.replyHandle());
        return bot.send(local).get(0).text();
    }

    @Test
    void voiceWithItsText_isReadAsIfTyped_onBothTransports() throws Exception {
        String json = body("voice", "\"voice\":{\"content\":\"12 百分之六十 本周已对接企业\"}");
        for (InboundMessage m : new InboundMessage[] {viaLongConnection(json), viaRobotCallback(json)}) {
            assertThat(m.kind()).isEqualTo(MessageKind.TEXT);
            assertThat(m.text()).isEqualTo("12 百分之六十 本周已对接企业");
        }
        assertThat(answer(viaLongConnection(json))).contains("已记录", "进度：60%");
    }

    @Test
    void voiceWithoutText_getsTheSameAnswerOnBothTransports() throws Exception {
        String json = body("voice", "\"voice\":{}");
        InboundMessage ws = viaLongConnection(json);
        InboundMessage robot = viaRobotCallback(json);
        assertThat(ws.kind()).isEqualTo(MessageKind.VOICE);
        assertThat(robot.kind()).isEqualTo(MessageKind.VOICE);
        String a = answer(ws);
        assertThat(answer(robot)).isEqualTo(a);
        assertThat(a).contains("语音").contains("例如");
    }

    @Test
    void textWithPictures_isReadAsText_andTheAnswerSaysPicturesAreNotKept() throws Exception {
        String json = body("mixed", """
                "mixed":{"msg_item":[{"msgtype":"text","text":{"content":"@督办助手 12 60% 已对接企业"}},
                {"msgtype":"image","image":{"url":"https://example.invalid/x"}}]}""");
        for (InboundMessage m : new InboundMessage[] {viaLongConnection(json), viaRobotCallback(json)}) {
            assertThat(m.kind()).isEqualTo(MessageKind.TEXT_WITH_PICTURES);
            assertThat(m.text()).isEqualTo("@督办助手 12 60% 已对接企业");
        }
        String reply = answer(viaRobotCallback(json));
        assertThat(reply).contains("已记录", "进度：60%", "图片暂不保存");
        assertThat(bot.app.storage().reports().latestEffective(2023, 12, "农管科").orElseThrow().progress())
                .isEqualTo("已对接企业");
    }

    @Test
    void picturesWithoutText_areAnsweredLikeAPicture() throws Exception {
        String json = body("mixed", """
                "mixed":{"msg_item":[{"msgtype":"image","image":{"url":"https://example.invalid/x"}}]}""");
        InboundMessage ws = viaLongConnection(json);
        InboundMessage robot = viaRobotCallback(json);
        assertThat(ws.kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(robot.kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(answer(ws)).isEqualTo(answer(robot)).contains("图片");
    }
}
