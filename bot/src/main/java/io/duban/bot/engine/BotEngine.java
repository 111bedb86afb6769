package io.duban.bot.engine;

import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import java.time.Clock;
import java.util.List;

/**
 * The conversation engine: one inbound message in, the replies out. Transports call {@link #handle} and nothing
 * else; the engine stores the message before it interprets it, and answers a repeated message id only once.
 */
public final class BotEngine {
    private final ConfigDirectory config;
    private final Storage storage;
    private final Clock clock;

    public BotEngine(ConfigDirectory config, Storage storage, Clock clock) {
        this.config = config;
        this.storage = storage;
        this.clock = clock;
    }

    /** Handles one message. An empty list means the message was a repeat (already answered). */
    public List<Reply> handle(InboundMessage message) {
        throw new UnsupportedOperationException("not yet");
    }
}
