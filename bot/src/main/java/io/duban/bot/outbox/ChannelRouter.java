package io.duban.bot.outbox;

import io.duban.storage.model.Address;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which channel serves which kind of address: group pushes, private messages to a person, replies. Another channel
 * (e.g. a self-built app for private reminders) is plugged in with {@link #route}, replacing the previous one.
 */
public final class ChannelRouter {
    private final Map<Address.Kind, OutboundChannel> channels = new EnumMap<>(Address.Kind.class);

    public synchronized ChannelRouter route(Address.Kind kind, OutboundChannel channel) {
        channels.put(kind, channel);
        return this;
    }

    public synchronized Optional<OutboundChannel> channelFor(Address address) {
        return Optional.ofNullable(channels.get(address.kind()));
    }
}
