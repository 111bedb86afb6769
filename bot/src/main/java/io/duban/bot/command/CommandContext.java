package io.duban.bot.command;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.roster.ChatBinding;
import io.duban.roster.ChatKind;
import io.duban.roster.Person;
import java.util.Optional;

/** Who asked, where, and the message they sent (already stored under {@code inboundId}). */
public record CommandContext(
        Person person, InboundMessage message, long inboundId, Optional<ChatBinding> chat) {

    public boolean inGroup() {
        return message.chatType() == ChatType.GROUP;
    }

    public boolean inLeadersGroup() {
        return chat.filter(c -> c.kind() == ChatKind.LEADERS).isPresent();
    }
}
