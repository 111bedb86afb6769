package io.duban.bot.notify;

import io.duban.roster.ChatKind;
import io.duban.storage.ChatRepository;
import io.duban.storage.OutboxRepository;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.Clock;
import java.util.List;

/**
 * Tells a unit something through the outbox: in the unit's bound group chat when it has one, otherwise privately
 * to a person of the unit. The text must already be escaped where it repeats user text.
 */
public final class UnitNotices {
    private final ChatRepository chats;
    private final OutboxRepository outbox;
    private final Clock clock;

    public UnitNotices(ChatRepository chats, OutboxRepository outbox, Clock clock) {
        this.chats = chats;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Where a message for the unit goes: its group chat, else the person. */
    public Address addressOf(String unit, String personId) {
        return chats.all().stream()
                .filter(c -> c.kind() == ChatKind.UNIT && c.unit().filter(unit::equals).isPresent())
                .findFirst()
                .map(c -> Address.group(c.chatId()))
                .orElse(Address.person(personId));
    }

    /** Where a notice went: the unit's group chat, or privately to the person. */
    public record Told(String unit, String personName, boolean inGroup) {
    }

    /**
     * Enqueues the message once per dedupe key.
     *
     * @param mention whether to @-mention the person when the message goes to the group
     * @return where it went, for the answer to whoever caused it
     */
    public Told tell(String unit, String personId, String personName, String text, boolean mention,
                     String dedupeKey) {
        Address to = addressOf(unit, personId);
        boolean group = to.kind() == Address.Kind.GROUP;
        List<String> mentions = group && mention ? List.of(personId) : List.of();
        outbox.enqueue(OutboundMessage.text(to, text, mentions, dedupeKey), clock.instant());
        return new Told(unit, personName, group);
    }

    /** Enqueues a private message to one person. */
    public void tellPerson(String personId, String text, String dedupeKey) {
        outbox.enqueue(OutboundMessage.text(Address.person(personId), text, List.of(), dedupeKey), clock.instant());
    }
}
