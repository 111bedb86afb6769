package io.duban.bot.wecom.ws;

import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import java.util.List;

/** What the transport talks to: in production {@code app.engine()::handle}. */
@FunctionalInterface
public interface Conversation {
    /** The replies to one message; empty for a repeated delivery that was answered already. */
    List<Reply> handle(InboundMessage message);
}
