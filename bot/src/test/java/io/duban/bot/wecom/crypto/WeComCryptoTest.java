package io.duban.bot.wecom.crypto;

import static io.duban.bot.wecom.crypto.OfficialVectors.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.wecom.crypto.WeComCryptoException.Reason;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WeComCryptoTest {
    private final WeComCrypto crypto = OfficialVectors.crypto();

    @Test
    void officialUrlVerificationVector_verifiesAndDecryptsToThePlaintext() {
        String echostr = URLDecoder.decode(URL_ECHOSTR_AS_SENT, StandardCharsets.UTF_8);
        assertThat(echostr).isEqualTo(URL_ECHOSTR);
        assertThat(crypto.signature(URL_TIMESTAMP, URL_NONCE, echostr)).isEqualTo(URL_SIGNATURE);
        assertThat(crypto.verifyAndDecrypt(URL_SIGNATURE, URL_TIMESTAMP, URL_NONCE, echostr)).isEqualTo(URL_PLAINTEXT);
    }

    @Test
    void officialXmlMessageVector_verifiesAndDecrypts() {
        assertThat(crypto.signature(XML_TIMESTAMP, XML_NONCE, XML_ENCRYPT)).isEqualTo(XML_SIGNATURE);
        assertThat(crypto.verifyAndDecrypt(XML_SIGNATURE, XML_TIMESTAMP, XML_NONCE, XML_ENCRYPT))
                .isEqualTo(XML_PLAINTEXT);
    }

    @Test
    void officialXmlMessageVector_hasTheDocumentedLengthAndPadding() throws Exception {
        byte[] key = WeComCrypto.decodeKey(AES_KEY);
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        byte[] plain = cipher.doFinal(Base64.getDecoder().decode(XML_ENCRYPT));
        assertThat(ByteBuffer.wrap(plain, 16, 4).getInt()).isEqualTo(284);
        assertThat(plain[plain.length - 1]).isEqualTo((byte) 30);
        assertThat(plain.length % 32).isZero();
    }

    @Test
    void officialJsonMessageVector_verifiesAndDecrypts() throws Exception {
        assertThat(crypto.signature(JSON_TIMESTAMP, JSON_NONCE, JSON_ENCRYPT)).isEqualTo(JSON_SIGNATURE);
        String plain = crypto.verifyAndDecrypt(JSON_SIGNATURE, JSON_TIMESTAMP, JSON_NONCE, JSON_ENCRYPT);
        assertThat(plain).isEqualTo(JSON_PLAINTEXT);
        JsonNode node = new ObjectMapper().readTree(plain);
        assertThat(node.get("MsgId").asText()).isEqualTo("4561255354251345929");
    }

    @Test
    void encryptSide_reproducesTheOfficialSignatureScheme() {
        String encrypt = crypto.encrypt(XML_PLAINTEXT);
        String signature = crypto.signature(XML_TIMESTAMP, XML_NONCE, encrypt);
        assertThat(crypto.verifyAndDecrypt(signature, XML_TIMESTAMP, XML_NONCE, encrypt)).isEqualTo(XML_PLAINTEXT);
        assertThat(Base64.getDecoder().decode(encrypt).length % 32).isZero();
    }

    @Test
    void encryptWithTheSameRandomPrefix_isDeterministic() {
        WeComCrypto a = new WeComCrypto(TOKEN, AES_KEY, RECEIVE_ID, new Random(7), Clock.systemUTC(), () -> "1");
        WeComCrypto b = new WeComCrypto(TOKEN, AES_KEY, RECEIVE_ID, new Random(7), Clock.systemUTC(), () -> "1");
        assertThat(a.encrypt("督办")).isEqualTo(b.encrypt("督办"));
    }

    @Test
    void roundTrip_chineseText() {
        String text = "【督办】第3项任务本周进展：已完成70%，存在问题：资金未到位。\n请于周五前报送。😀";
        assertThat(crypto.decrypt(crypto.encrypt(text))).isEqualTo(text);
    }

    @Test
    void roundTrip_everyLengthAroundTheBlockBoundaries() {
        for (int n = 0; n <= 130; n++) {
            String text = "汉".repeat(n / 3) + "a".repeat(n % 3);
            assertThat(crypto.decrypt(crypto.encrypt(text))).isEqualTo(text);
        }
    }

    @Test
    void roundTrip_largeBody() {
        String text = "进展汇报：".repeat(100_000); // 1.5 MB of UTF-8, far beyond the 20,480 bytes WeCom allows
        assertThat(crypto.decrypt(crypto.encrypt(text))).isEqualTo(text);
    }

    @Test
    void robotReceiveIdIsEmpty_andAnAppMessageIsRejected() {
        WeComCrypto robot = new WeComCrypto(TOKEN, AES_KEY, "");
        String forRobot = robot.encrypt("{\"msgid\":\"1\"}");
        assertThat(robot.decrypt(forRobot)).isEqualTo("{\"msgid\":\"1\"}");
        assertThatThrownBy(() -> robot.decrypt(XML_ENCRYPT))
                .isInstanceOfSatisfying(WeComCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECEIVE_ID));
        assertThatThrownBy(() -> crypto.decrypt(forRobot))
                .isInstanceOfSatisfying(WeComCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECEIVE_ID));
    }

    @Test
    void wrongCorpId_isRejected() {
        WeComCrypto other = new WeComCrypto(TOKEN, AES_KEY, "ww0000000000000000");
        assertThatThrownBy(() -> other.decrypt(XML_ENCRYPT))
                .isInstanceOfSatisfying(WeComCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECEIVE_ID));
    }

    @Test
    void badSignature_isRejectedBeforeDecryption() {
        String tampered = XML_SIGNATURE.substring(0, 39) + (XML_SIGNATURE.endsWith("6") ? "7" : "6");
        assertThat(crypto.isValidSignature(tampered, XML_TIMESTAMP, XML_NONCE, XML_ENCRYPT)).isFalse();
        assertThat(crypto.isValidSignature(XML_SIGNATURE, "1409659814", XML_NONCE, XML_ENCRYPT)).isFalse();
        assertThat(crypto.isValidSignature(null, XML_TIMESTAMP, XML_NONCE, XML_ENCRYPT)).isFalse();
        assertThatThrownBy(() -> crypto.verifyAndDecrypt(tampered, XML_TIMESTAMP, XML_NONCE, XML_ENCRYPT))
                .isInstanceOfSatisfying(WeComCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void malformedCiphertexts_areRejectedWithAReason() {
        assertThatThrownBy(() -> crypto.decrypt("not base64 at all!"))
                .isInstanceOfSatisfying(WeComCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_CIPHERTEXT));
        assertThatThrownBy(() -> crypto.decrypt(Base64.getEncoder().encodeToString(new byte[17])))
                .isInstanceOfSatisfying(WeComCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_CIPHERTEXT));
        assertThatThrownBy(() -> crypto.decrypt(Base64.getEncoder().encodeToString(new byte[64])))
                .isInstanceOf(WeComCryptoException.class);
    }

    @Test
    void keysOfTheWrongShape_areRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> new WeComCrypto(TOKEN, AES_KEY.substring(1), ""))
                .hasMessageContaining("43").hasMessageNotContaining(AES_KEY.substring(1));
        assertThatThrownBy(() -> new WeComCrypto(TOKEN, AES_KEY.substring(1) + "!", ""))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> new WeComCrypto("", AES_KEY, "")).hasMessageContaining("token");
    }

    @Test
    void passiveReplies_areSignedEnvelopesThatDecryptBack() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        WeComCrypto c = new WeComCrypto(TOKEN, AES_KEY, RECEIVE_ID, new Random(1), clock, () -> "12345");
        EncryptedReply reply = c.encryptReply("<xml><Content><![CDATA[收到]]></Content></xml>");
        assertThat(reply.timestamp()).isEqualTo("1700000000");
        assertThat(reply.nonce()).isEqualTo("12345");
        assertThat(reply.toXml()).contains("<MsgSignature><![CDATA[" + reply.signature() + "]]></MsgSignature>")
                .contains("<TimeStamp>1700000000</TimeStamp>");
        assertThat(c.verifyAndDecrypt(reply.signature(), reply.timestamp(), reply.nonce(), reply.encrypt()))
                .isEqualTo("<xml><Content><![CDATA[收到]]></Content></xml>");

        EncryptedReply json = c.encryptReply("{\"msgtype\":\"text\"}", JSON_TIMESTAMP, JSON_NONCE);
        JsonNode node = new ObjectMapper().readTree(json.toJson());
        assertThat(node.get("nonce").asText()).isEqualTo(JSON_NONCE);
        assertThat(c.verifyAndDecrypt(node.get("msgsignature").asText(), node.get("timestamp").asText(),
                node.get("nonce").asText(), node.get("encrypt").asText())).isEqualTo("{\"msgtype\":\"text\"}");
    }
}
