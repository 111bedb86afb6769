package tmpview;

import io.duban.bot.testing.TestBot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeekTest {
    @TempDir
    Path dir;

    @Test
    void peek() {
        try (TestBot bot = new TestBot(dir, "2023-10-03T10:00+08:00")) {
            System.out.println(bot.say("wangfang", "wr-demo-bgs", "2 40% 调研已安排"));
            bot.clock.set("2023-10-15T20:00+08:00");
            System.out.println(bot.say("wangfang", "wr-demo-bgs", "2 45% 调研已完成"));
            bot.app.storage().reports().history(2023, 2).forEach(System.out::println);
        }
    }
}
