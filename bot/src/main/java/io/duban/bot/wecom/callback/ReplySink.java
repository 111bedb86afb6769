package io.duban.bot.wecom.callback;

import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;

/**
 * Where the callback's answers go. The callback has already answered WeCom with an empty 200, so every answer is
 * sent afterwards: at run time through the outbox (the drainer owns retries and rate limits).
 */
public interface ReplySink {
    /**
     * The intelligent robot's reply to {@code message}: one unencrypted POST to the callback's {@code response_url}
     * (markdown ≤ 20,480 bytes). The robot allows one such reply, so several engine replies arrive here merged.
     */
    void replyViaResponseUrl(InboundMessage message, String responseUrl, Reply reply);

    /** The self-built app's reply to the person who wrote {@code message}: {@code message/send} to {@code userId}. */
    void replyToUser(InboundMessage message, String userId, Reply reply);
}
