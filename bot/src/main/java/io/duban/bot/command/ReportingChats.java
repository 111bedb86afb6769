package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.roster.ChatKind;
import java.util.Optional;

/** Reports belong in the reporter's own unit group or in a one-to-one chat with the bot. */
final class ReportingChats {
    private ReportingChats() {
    }

    static Optional<Reply> check(CommandContext ctx) {
        if (ctx.chat().isEmpty()) {
            return Optional.empty();
        }
        var chat = ctx.chat().get();
        if (chat.kind() == ChatKind.LEADERS) {
            return Optional.of(Reply.of("领导群不受理报送，请在本单位群或与我私聊中报送，例如：@督办助手 12 60% 本周进展"));
        }
        if (chat.unit().filter(u -> !u.equals(ctx.person().unit())).isPresent()) {
            return Optional.of(Reply.of("这里是" + chat.unit().get() + "的群，" + ctx.person().unit()
                    + "的报送请发到本单位群或与我私聊。"));
        }
        return Optional.empty();
    }
}
