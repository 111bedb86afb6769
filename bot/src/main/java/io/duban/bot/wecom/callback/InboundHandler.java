package io.duban.bot.wecom.callback;

import io.duban.bot.engine.BotEngine;
import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the callback hands a decoded message to. {@link #store} runs before WeCom gets its 200 and must make the
 * message durable; the work it returns runs afterwards. At run time this is {@link #of(BotEngine)}.
 */
@FunctionalInterface
public interface InboundHandler {
    List<Reply> handle(InboundMessage message);

    /**
     * Makes the message durable and returns the work that answers it, or empty when the message is a repeat.
     * The default stores nothing (for tests of the transport alone).
     */
    default Optional<Supplier<List<Reply>>> store(InboundMessage message) {
        return Optional.of(() -> handle(message));
    }

    /** The engine: the message is stored before the acknowledgement and answered after it. */
    static InboundHandler of(BotEngine engine) {
        return new InboundHandler() {
            @Override
            public List<Reply> handle(InboundMessage message) {
                return engine.handle(message);
            }

            @Override
            public Optional<Supplier<List<Reply>>> store(InboundMessage message) {
                return engine.accept(message).map(accepted -> () -> engine.answer(accepted));
            }
        };
    }
}
