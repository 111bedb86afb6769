package io.duban.bot.bench;

import io.duban.bot.wecom.crypto.WeComCrypto;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Decrypt throughput of one core: signature check plus AES-256-CBC decryption of a robot callback, for a typical
 * chat message (~0.5 KB of JSON) and for the largest markdown WeCom carries (20,480 bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DecryptBenchmark {
    @Param({"typical", "large"})
    public String size;

    private WeComCrypto crypto;
    private String encrypt;
    private String signature;

    @Setup
    public void setUp() {
        crypto = new WeComCrypto("benchToken", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "");
        String content = "typical".equals(size) ? "@督办助手 第3项 本周完成80%，问题：资金未到位，下周计划：完成验收。"
                : "进".repeat(20_480 / 3);
        String plain = "{\"msgid\":\"CAIQ16HMjQYY\",\"aibotid\":\"AIBOTID\",\"chatid\":\"wr-demo-ngk\","
                + "\"chattype\":\"group\",\"from\":{\"userid\":\"liuyang\"},"
                + "\"response_url\":\"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=abc\","
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"" + content + "\"}}";
        encrypt = crypto.encrypt(plain);
        signature = crypto.signature("1700000000", "1372623149", encrypt);
    }

    @Benchmark
    public String verifyAndDecrypt() {
        return crypto.verifyAndDecrypt(signature, "1700000000", "1372623149", encrypt);
    }
}
