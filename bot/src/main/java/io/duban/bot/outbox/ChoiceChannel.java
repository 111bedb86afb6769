package io.duban.bot.outbox;

import io.duban.storage.model.OutboxEntry;
import java.util.List;
import java.util.function.Predicate;

/**
 * Picks the first channel whose condition holds for the message, e.g. a reply goes back through the transport that
 * heard the question (long connection or HTTP callback). With none matching, the message fails with a reason.
 */
public final class ChoiceChannel implements OutboundChannel {
    public record Option(Predicate<OutboxEntry> when, OutboundChannel channel) {
    }

    private final List<Option> options;
    private final String noneReason;

    public ChoiceChannel(List<Option> options, String noneReason) {
        this.options = List.copyOf(options);
        this.noneReason = noneReason;
    }

    private OutboundChannel pick(OutboxEntry entry) {
        for (Option o : options) {
            if (o.when().test(entry)) {
                return o.channel();
            }
        }
        throw new IllegalStateException(noneReason + " (" + entry.message().address().kind().key() + " "
                + entry.message().address().value() + ")");
    }

    @Override
    public Destination destination(OutboxEntry entry) {
        return pick(entry).destination(entry);
    }

    @Override
    public List<String> parts(OutboxEntry entry) {
        return pick(entry).parts(entry);
    }

    @Override
    public SendResult send(OutboxEntry entry, Part part) {
        return pick(entry).send(entry, part);
    }
}
