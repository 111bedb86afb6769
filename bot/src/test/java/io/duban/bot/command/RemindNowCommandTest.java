package io.duban.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.schedule.RhythmService;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemindNowCommandTest {
    @TempDir
    Path dir;

    @Test
    void anAdminsRemindNow_answersWithWhoWasReminded_andIsRoutedByItsWord() {
        try (TestBot bot = new TestBot(dir, "2023-10-13T09:10+08:00")) {
            RhythmService rhythm = bot.app.rhythm();
            RemindNowCommand command = new RemindNowCommand(rhythm, bot.clock);
            assertThat(command.access()).isEqualTo(Access.ADMIN);
            CommandRouter router = new CommandRouter(java.util.List.of(command), command);
            assertThat(router.route("立即提醒")).hasValueSatisfying(r -> assertThat(r.command()).isSameAs(command));

            InboundMessage m = new InboundMessage("m1", "test", "zhouhui", ChatType.DIRECT, Optional.empty(), "立即提醒",
                    Optional.empty(), bot.clock.instant());
            CommandContext ctx = new CommandContext(bot.app.storage().people().find("zhouhui").orElseThrow(), m, 1L,
                    Optional.empty());
            assertThat(command.handle(ctx, "").text()).startsWith("已私信提醒 5 个未报齐单位的联络员");
            assertThat(command.handle(ctx, "").text()).contains("已经提醒过");
        }
    }
}
