package io.duban.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages a crash or failover test sends through the fake WeCom, and the answers each got: which delivery
 * (req_id) carried which message, so that an answer is counted against its message however often it was delivered.
 */
public final class SentMessages {
    /** One message as WeCom delivers it: {@code single} or {@code group}, the group, the sender, the text. */
    public record Sent(String chatType, String chatId, String sender, String text) {
    }

    private final FakeWeCom fake;
    private final Map<String, Sent> sent = new LinkedHashMap<>();
    private final Map<String, String> deliveries = new ConcurrentHashMap<>();

    public SentMessages(FakeWeCom fake) {
        this.fake = fake;
    }

    public void send(String id, Sent message) {
        sent.put(id, message);
        deliver(id);
    }

    /** A one-to-one message from a visitor of its own. */
    public void sendPrivately(String id, String text) {
        send(id, new Sent("single", null, "visitor" + id, text));
    }

    /** Delivers the message (again); without a live connection WeCom keeps it and delivers it later. */
    public void deliver(String id) {
        Sent m = sent.get(id);
        try {
            deliveries.put(fake.sendText(id, m.chatType(), m.chatId(), m.sender(), m.text(), null), id);
        } catch (RuntimeException e) {
            // no live connection: delivered again later
        }
    }

    /** WeCom repeats a message that got no answer. */
    public void redeliverUnanswered() {
        unanswered().forEach(this::deliver);
    }

    public List<String> unanswered() {
        Map<String, Integer> answers = answersPerMessage();
        return sent.keySet().stream().filter(id -> answers.getOrDefault(id, 0) == 0).toList();
    }

    /** How many answers (aibot_respond_msg frames) each message got. */
    public Map<String, Integer> answersPerMessage() {
        Map<String, Integer> answers = new HashMap<>();
        for (JsonNode frame : fake.frames("aibot_respond_msg")) {
            String id = deliveries.get(frame.path("headers").path("req_id").asText());
            if (id != null) {
                answers.merge(id, 1, Integer::sum);
            }
        }
        return answers;
    }

    public Set<String> ids() {
        return sent.keySet();
    }

    public int count() {
        return sent.size();
    }

    public int deliveryCount() {
        return deliveries.size();
    }

    /** The req_ids that carried a message (for a failing test's report). */
    public List<String> deliveriesOf(String id) {
        return deliveries.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).toList();
    }
}
