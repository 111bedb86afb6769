package io.duban.bot.schedule;

import io.duban.roster.ChatBinding;
import io.duban.roster.ChatKind;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.Storage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who gets what: unit groups, the leaders' group and unit contacts, read fresh from storage for each run. */
final class Recipients {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Recipients.class);
    private final List<Person> people;
    private final List<ChatBinding> chats;
    private final Map<String, Person> byId;

    private Recipients(List<Person> people, List<ChatBinding> chats) {
        this.people = people;
        this.chats = chats;
        this.byId = people.stream().collect(Collectors.toMap(Person::userId, Function.identity(), (a, b) -> a));
    }

    static Recipients load(Storage storage) {
        return new Recipients(storage.people().all(), storage.chats().all());
    }

    /** The unit's group chats; none is logged, so that a unit without a bound group is not missed silently. */
    List<String> unitChats(String unit) {
        List<String> out = chats.stream()
                .filter(c -> c.kind() == ChatKind.UNIT && c.unit().filter(unit::equals).isPresent())
                .map(ChatBinding::chatId).toList();
        if (out.isEmpty()) {
            log.warn("unit {} has no group chat bound (roster.yaml chats or 绑定); its group messages are not sent", unit);
        }
        return out;
    }

    List<String> leaderChats() {
        List<String> out = chats.stream().filter(c -> c.kind() == ChatKind.LEADERS).map(ChatBinding::chatId).toList();
        if (out.isEmpty()) {
            log.warn("no leaders' group is bound; summaries and 通报 are not sent");
        }
        return out;
    }

    /** The unit's contacts (role contact): the people nudged and @-mentioned for it. */
    List<Person> contacts(String unit) {
        List<Person> out = people.stream().filter(p -> p.unit().equals(unit) && p.role() == Role.CONTACT).toList();
        if (out.isEmpty()) {
            log.warn("unit {} has no contact (role contact); nobody is nudged or @-mentioned for it", unit);
        }
        return out;
    }

    String chatLabel(String chatId) {
        return chats.stream().filter(c -> c.chatId().equals(chatId)).findFirst()
                .map(c -> chatId + "（" + c.unit().orElse("领导群") + "）").orElse(chatId + "（未登记的群）");
    }

    String personLabel(String userId) {
        Person p = byId.get(userId);
        return p == null ? userId : p.name() + "（" + userId + "，" + p.unit() + "）";
    }
}
