package io.duban.bot.wecom.callback;

import static io.duban.bot.wecom.crypto.OfficialVectors.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import io.duban.bot.wecom.LogCapture;
import io.duban.bot.wecom.crypto.WeComCrypto;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackServerTest {
    private static final String ROBOT = "/wecom/robot";
    private static final String APP = "/wecom/app";
    /** The official vectors' message time, so that their timestamps are inside the replay window. */
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(XML_TIMESTAMP)), ZoneOffset.UTC);
    private static final String NOW = XML_TIMESTAMP;

    private final WeComCrypto appCrypto = new WeComCrypto(TOKEN, AES_KEY, RECEIVE_ID);
    private final WeComCrypto robotCrypto = new WeComCrypto("robotToken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "");
    private final List<InboundMessage> handled = new CopyOnWriteArrayList<>();
    /** The messages whose answer the engine was asked for, after the 200. */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private CallbackServer server;
    private FakeWeCom wecom;

    @BeforeEach
    void start() {
        server = CallbackServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .robot(ROBOT, robotCrypto)
                .app(APP, appCrypto)
                .clock(CLOCK)
                .timestampWindow(Duration.ofMinutes(5))
                .maxBodyBytes(8 * 1024)
                .inbound(m -> {
                    handled.add(m);
                    return Optional.of(() -> {
                        sent.add(m.transport() + " " + m.conversationId() + m.replyHandle().map(h -> " via " + h)
                                .orElse("") + " " + m.text());
                        return Optional.empty();
                    });
                })
                .build()
                .start();
        wecom = new FakeWeCom("http://127.0.0.1:" + server.address().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Stops the server, which lets queued processing finish, so that "never handled" can be asserted. */
    private void drain() {
        server.close();
    }

    @Test
    void urlVerification_officialVector_answersTheBarePlaintext() throws Exception {
        HttpResponse<String> r = wecom.get(APP + FakeWeCom.query(URL_SIGNATURE, URL_TIMESTAMP, URL_NONCE)
                + "&echostr=" + URL_ECHOSTR_AS_SENT);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(URL_PLAINTEXT);
    }

    @Test
    void urlVerification_robotPath_withRobotKeys() throws Exception {
        String echostr = robotCrypto.encrypt("8861923442");
        HttpResponse<String> r = wecom.get(ROBOT + FakeWeCom.query(robotCrypto.signature(NOW, "7", echostr), NOW, "7")
                + "&echostr=" + FakeWeCom.enc(echostr));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("8861923442");
    }

    @Test
    void appXml_officialVector_reachesTheEngineAndTheAnswersGoToThePerson() throws Exception {
        HttpResponse<String> r = wecom.post(APP + FakeWeCom.query(XML_SIGNATURE, XML_TIMESTAMP, XML_NONCE),
                FakeWeCom.appEnvelope(XML_ENCRYPT));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        await().until(() -> sent.size() == 1);
        InboundMessage m = handled.get(0);
        assertThat(m.messageId()).isEqualTo("4561255354251345929");
        assertThat(m.transport()).isEqualTo("wecom-app");
        assertThat(m.senderId()).isEqualTo("mycreate");
        assertThat(m.chatType()).isEqualTo(ChatType.DIRECT);
        assertThat(m.chatId()).isEmpty();
        assertThat(m.text()).isEqualTo("hello");
        assertThat(m.receivedAt()).isEqualTo(CLOCK.instant());
        assertThat(sent).containsExactly("wecom-app mycreate hello");
    }

    @Test
    void appJson_officialVector_reachesTheEngine() throws Exception {
        HttpResponse<String> r = wecom.post(APP + FakeWeCom.query(JSON_SIGNATURE, JSON_TIMESTAMP, JSON_NONCE),
                "{\"tousername\":\"wx5823bf96d3bd56c7\",\"encrypt\":\"" + JSON_ENCRYPT + "\",\"agentid\":\"218\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        await().until(() -> sent.size() == 1);
        assertThat(handled).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("4561255354251345929");
            assertThat(m.senderId()).isEqualTo("mycreate");
            assertThat(m.text()).isEqualTo("hello");
            assertThat(m.chatType()).isEqualTo(ChatType.DIRECT);
        });
    }

    @Test
    void appJson_madeWithTheEncryptSide_isTheSameMessageAsTheXml() throws Exception {
        String encrypt = appCrypto.encrypt(JSON_PLAINTEXT.replace("hello", "第3项 完成80%"));
        String body = "{\"tousername\":\"wx5823bf96d3bd56c7\",\"encrypt\":\"" + encrypt + "\",\"agentid\":\"218\"}";
        assertThat(wecom.post(APP + FakeWeCom.query(appCrypto.signature(NOW, "3", encrypt), NOW, "3"), body)
                .statusCode()).isEqualTo(200);
        await().until(() -> handled.size() == 1);
        assertThat(handled.get(0).text()).isEqualTo("第3项 完成80%");
        assertThat(handled.get(0).transport()).isEqualTo("wecom-app");
    }

    @Test
    void appXml_madeWithTheEncryptSide_decodesLikeTheOfficialVector() throws Exception {
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, XML_PLAINTEXT.replace("hello", "第3项 完成80% 资金已到位"),
                NOW, "99");
        assertThat(wecom.post(APP + s.query(), s.body()).statusCode()).isEqualTo(200);
        await().until(() -> handled.size() == 1);
        assertThat(handled.get(0).text()).isEqualTo("第3项 完成80% 资金已到位");
        assertThat(handled.get(0).messageId()).isEqualTo("4561255354251345929");
    }

    @Test
    void robotJson_groupMessage_reachesTheEngine_withItsResponseUrlAsTheReplyHandle() throws Exception {
        String plain = """
                {"msgid":"CAIQ16HMjQYY","aibotid":"AIBOTID","chatid":"wr-demo-ngk","chattype":"group",
                 "from":{"userid":"liuyang"},"response_url":"https://example.invalid/cgi-bin/aibot/response?x=1",
                 "msgtype":"text","text":{"content":"@督办助手 3 完成80%"},
                 "quote":{"msgtype":"text","text":{"content":"请报送第3项进展"}}}""";
        FakeWeCom.Signed s = FakeWeCom.robotJson(robotCrypto, plain, NOW, "1372623149");
        HttpResponse<String> r = wecom.post(ROBOT + s.query(), s.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        await().until(() -> sent.size() == 1);
        InboundMessage m = handled.get(0);
        assertThat(m).isEqualTo(new InboundMessage("CAIQ16HMjQYY", "wecom-callback", "liuyang", ChatType.GROUP,
                Optional.of("wr-demo-ngk"), "@督办助手 3 完成80%", Optional.of("请报送第3项进展"), CLOCK.instant())
                .withReplyHandle("https://example.invalid/cgi-bin/aibot/response?x=1"));
        assertThat(sent).containsExactly(
                "wecom-callback wr-demo-ngk via https://example.invalid/cgi-bin/aibot/response?x=1 @督办助手 3 完成80%");
    }

    @Test
    void robotJson_singleChat_isDirect() throws Exception {
        String plain = """
                {"msgid":"m1","aibotid":"A","chattype":"single","from":{"userid":"zhangwei"},
                 "response_url":"https://example.invalid/r","msgtype":"text","text":{"content":"帮助"}}""";
        FakeWeCom.Signed s = FakeWeCom.robotJson(robotCrypto, plain, NOW, "5");
        assertThat(wecom.post(ROBOT + s.query(), s.body()).statusCode()).isEqualTo(200);
        await().until(() -> handled.size() == 1);
        assertThat(handled.get(0).chatType()).isEqualTo(ChatType.DIRECT);
        assertThat(handled.get(0).chatId()).isEmpty();
    }

    @Test
    void sameMsgIdDeliveredThreeTimes_isHandledOnce() throws Exception {
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, XML_PLAINTEXT, NOW, "42");
        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(wecom.postAsync(APP + s.query(), s.body()));
        }
        for (CompletableFuture<HttpResponse<String>> d : deliveries) {
            assertThat(d.get().statusCode()).isEqualTo(200);
        }
        assertThat(wecom.post(APP + s.query(), s.body()).statusCode()).isEqualTo(200);
        drain();
        assertThat(handled).hasSize(1);
        assertThat(sent).hasSize(1);
    }

    @Test
    void imageMessage_reachesTheEngineAsAnImage_whichAnswersIt() throws Exception {
        String plain = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<FromUserName><![CDATA[mycreate]]></FromUserName><CreateTime>1409659813</CreateTime>"
                + "<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x]]></PicUrl>"
                + "<MsgId>1234</MsgId><AgentID>218</AgentID></xml>";
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, plain, NOW, "1");
        assertThat(wecom.post(APP + s.query(), s.body()).statusCode()).isEqualTo(200);
        await().until(() -> sent.size() == 1);
        assertThat(handled).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.IMAGE);
            assertThat(m.text()).isEqualTo("[图片]");
            assertThat(m.senderId()).isEqualTo("mycreate");
        });
    }

    @Test
    void appEvent_isAcknowledged_andNotHandled() throws Exception {
        String plain = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<FromUserName><![CDATA[mycreate]]></FromUserName><CreateTime>1409659813</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event>"
                + "<AgentID>218</AgentID></xml>";
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, plain, NOW, "1");
        assertThat(wecom.post(APP + s.query(), s.body()).statusCode()).isEqualTo(200);
        drain();
        assertThat(handled).isEmpty();
        assertThat(sent).isEmpty();
    }

    // ---- rejections: 4xx, never reaching the engine ----

    private void assertRejected(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        drain();
        assertThat(handled).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void badSignature_is401() throws Exception {
        String wrong = XML_SIGNATURE.replace('4', '5');
        assertRejected(wecom.post(APP + FakeWeCom.query(wrong, XML_TIMESTAMP, XML_NONCE),
                FakeWeCom.appEnvelope(XML_ENCRYPT)), 401);
    }

    @Test
    void badSignature_onUrlVerification_is401() throws Exception {
        HttpResponse<String> r = wecom.get(APP + FakeWeCom.query(URL_SIGNATURE, URL_TIMESTAMP, "263014781")
                + "&echostr=" + URL_ECHOSTR_AS_SENT);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain(URL_PLAINTEXT);
    }

    @Test
    void replayedTimestampOutsideTheWindow_is403() throws Exception {
        String old = String.valueOf(Long.parseLong(NOW) - 301);
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, XML_PLAINTEXT, old, "1");
        assertRejected(wecom.post(APP + s.query(), s.body()), 403);
    }

    @Test
    void timestampFromTheFuture_is403() throws Exception {
        String future = String.valueOf(Long.parseLong(NOW) + 3600);
        FakeWeCom.Signed s = FakeWeCom.robotJson(robotCrypto, "{\"msgid\":\"1\"}", future, "1");
        assertRejected(wecom.post(ROBOT + s.query(), s.body()), 403);
    }

    @Test
    void wrongReceiveId_is403() throws Exception {
        WeComCrypto otherCorp = new WeComCrypto(TOKEN, AES_KEY, "ww-another-corp");
        FakeWeCom.Signed s = FakeWeCom.appXml(otherCorp, XML_PLAINTEXT, NOW, "1");
        assertRejected(wecom.post(APP + s.query(), s.body()), 403);
    }

    @Test
    void appMessageSentToTheRobotPath_isAWrongReceiveId() throws Exception {
        WeComCrypto robotKeysAppId = new WeComCrypto("robotToken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                RECEIVE_ID);
        FakeWeCom.Signed s = FakeWeCom.robotJson(robotKeysAppId, "{\"msgid\":\"1\"}", NOW, "1");
        assertRejected(wecom.post(ROBOT + s.query(), s.body()), 403);
    }

    @Test
    void bodyOverTheSizeLimit_is413() throws Exception {
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, XML_PLAINTEXT.replace("hello", "进展".repeat(3000)), NOW, "1");
        assertRejected(wecom.post(APP + s.query(), s.body()), 413);
    }

    @Test
    void malformedXmlEnvelope_is400() throws Exception {
        assertRejected(wecom.post(APP + FakeWeCom.query(XML_SIGNATURE, XML_TIMESTAMP, XML_NONCE),
                "<xml><Encrypt>abc</Encrypt"), 400);
    }

    @Test
    void malformedXmlInsideAValidlySignedCiphertext_is400() throws Exception {
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, "<xml><FromUserName>mycreate</From", NOW, "1");
        assertRejected(wecom.post(APP + s.query(), s.body()), 400);
    }

    @Test
    void malformedJsonEnvelope_is400() throws Exception {
        assertRejected(wecom.post(ROBOT + FakeWeCom.query("x", NOW, "1"), "{\"encrypt\": "), 400);
    }

    @Test
    void malformedJsonInsideAValidlySignedCiphertext_is400() throws Exception {
        FakeWeCom.Signed s = FakeWeCom.robotJson(robotCrypto, "{\"msgid\":\"1\",", NOW, "1");
        assertRejected(wecom.post(ROBOT + s.query(), s.body()), 400);
    }

    @Test
    void xmlWithDoctypeAndExternalEntity_is400_andTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><Encrypt>&x;</Encrypt></xml>";
        HttpResponse<String> r = wecom.post(APP + FakeWeCom.query(XML_SIGNATURE, XML_TIMESTAMP, XML_NONCE), xxe);
        assertThat(r.body()).doesNotContain("TOP-SECRET").contains("DOCTYPE");
        assertRejected(r, 400);
    }

    @Test
    void xmlEntityExpansionInsideTheCiphertext_is400() throws Exception {
        String bomb = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<xml><FromUserName>&b;</FromUserName><MsgType>text</MsgType><MsgId>1</MsgId></xml>";
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, bomb, NOW, "1");
        assertRejected(wecom.post(APP + s.query(), s.body()), 400);
    }

    @Test
    void wrongMethod_is405() throws Exception {
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, XML_PLAINTEXT, NOW, "1");
        HttpResponse<String> r = wecom.send(APP + s.query(), "PUT", s.body());
        assertThat(r.headers().firstValue("Allow")).contains("GET, POST");
        assertRejected(r, 405);
    }

    @Test
    void wrongPath_is404() throws Exception {
        FakeWeCom.Signed s = FakeWeCom.appXml(appCrypto, XML_PLAINTEXT, NOW, "1");
        assertThat(wecom.post(APP + "x" + s.query(), s.body()).statusCode()).isEqualTo(404);
        assertRejected(wecom.post("/other" + s.query(), s.body()), 404);
    }

    @Test
    void missingQueryParameters_is400() throws Exception {
        assertRejected(wecom.post(APP + "?timestamp=" + NOW, FakeWeCom.appEnvelope(XML_ENCRYPT)), 400);
    }

    @Test
    void theLogNeverShowsTokensKeysCiphertextsOrContent() throws Exception {
        try (LogCapture log = new LogCapture()) {
            wecom.post(APP + FakeWeCom.query(XML_SIGNATURE, XML_TIMESTAMP, XML_NONCE), FakeWeCom.appEnvelope(XML_ENCRYPT));
            wecom.post(APP + FakeWeCom.query(XML_SIGNATURE.replace('4', '5'), XML_TIMESTAMP, XML_NONCE),
                    FakeWeCom.appEnvelope(XML_ENCRYPT));
            WeComCrypto otherCorp = new WeComCrypto(TOKEN, AES_KEY, "ww-another-corp");
            FakeWeCom.Signed s = FakeWeCom.appXml(otherCorp, XML_PLAINTEXT, NOW, "1");
            wecom.post(APP + s.query(), s.body());
            wecom.get(APP + FakeWeCom.query(URL_SIGNATURE, URL_TIMESTAMP, URL_NONCE) + "&echostr=" + URL_ECHOSTR_AS_SENT);
            wecom.post(ROBOT + FakeWeCom.query("x", NOW, "1"), "{\"encrypt\": ");
            drain();
            String text = log.text();
            assertThat(text).contains("rejected: the msg_signature does not match", "rejected: the message is for another");
            for (String secret : List.of(TOKEN, AES_KEY, XML_ENCRYPT.substring(0, 20), URL_ECHOSTR.substring(0, 20),
                    URL_PLAINTEXT, XML_SIGNATURE, "hello", "mycreate")) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
