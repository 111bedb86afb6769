package io.duban.bot.wecom.callback;

import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import java.util.List;

/** What the callback hands a decoded message to: at run time {@code app.engine()::handle}. */
@FunctionalInterface
public interface InboundHandler {
    List<Reply> handle(InboundMessage message);
}
