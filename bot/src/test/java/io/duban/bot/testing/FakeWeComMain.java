package io.duban.bot.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The fake WeCom as a program, for trying {@code ./duban serve} by hand:
 * <pre>
 * mvn -q -B test-compile -pl bot -am &amp;&amp; mvn -q -B -Dmaven.test.skip=true package
 * java -cp bot/target/test-classes:bot/target/duban.jar io.duban.bot.testing.FakeWeComMain 7070
 * WECOM_WS_URL=ws://127.0.0.1:7070 WECOM_BOT_ID=aibTestBot01 WECOM_BOT_SECRET=s3cr3t-s3cr3t-s3cr3t ./duban serve
 * </pre>
 * Then type lines: {@code group CHATID USERID text…}, {@code single USERID text…}, {@code enter USERID},
 * {@code kick}, {@code drop}, {@code nopong} / {@code pong}. Every frame the bot sends is printed.
 */
public final class FakeWeComMain {
    private FakeWeComMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7070;
        FakeWeCom fake = FakeWeCom.startOnLoopback(port);
        fake.echo = true;
        System.out.println("fake WeCom on ws://127.0.0.1:" + port + " (bot id " + FakeWeCom.BOT_ID + ", secret "
                + FakeWeCom.SECRET + ")");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int n = 0;
        for (String line; (line = in.readLine()) != null; ) {
            String[] p = line.strip().split("\\s+", 4);
            try {
                switch (p[0]) {
                    case "group" -> fake.sendText("fake-" + (++n), "group", p[1], p[2], p[3], null);
                    case "single" -> fake.sendText("fake-" + (++n), "single", null, p[1],
                            line.strip().split("\\s+", 3)[2], null);
                    case "enter" -> fake.sendEvent("enter_chat", p[1]);
                    case "kick" -> fake.sendEvent("disconnected_event", "");
                    case "drop" -> fake.dropConnection();
                    case "nopong" -> fake.answerPings = false;
                    case "pong" -> fake.answerPings = true;
                    default -> System.out.println("?: group CHATID USERID text | single USERID text | enter USERID | "
                            + "kick | drop | nopong | pong");
                }
            } catch (RuntimeException e) {
                System.out.println("! " + e);
            }
        }
        fake.stop(1000);
    }
}
