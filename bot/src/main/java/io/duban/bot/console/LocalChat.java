package io.duban.bot.console;

import io.duban.bot.engine.InboundPort;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.roster.ChatBinding;
import io.duban.roster.ChatKind;
import io.duban.roster.Person;
import io.duban.storage.ChatRepository;
import io.duban.storage.PersonRepository;
import io.duban.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The terminal transport: one message a line in, the bot's replies out. Lines starting with {@code /} steer the
 * session itself ({@code /as}, {@code /group}, {@code /direct}, {@code /who}, {@code /quit}); everything else goes
 * to the engine exactly as a WeCom message would. Files the bot sends into the chat ({@code 导出}, {@code 图表}) are
 * saved into a folder and shown as one line, the way a terminal can show a file.
 */
public final class LocalChat {
    static final String TRANSPORT = InboundMessage.LOCAL_CHAT_TRANSPORT;

    private final ImmediateReplies replies;
    private final PersonRepository people;
    private final ChatRepository chats;
    private final Clock clock;
    private final PrintWriter out;
    private String userId;
    private Optional<String> chatId;

    /** @param files where files and pictures the bot sends into the chat are saved (a terminal cannot show them) */
    public LocalChat(InboundPort engine, Storage storage, Clock clock, PrintWriter out, String userId,
                     Optional<String> chatId, Path files) {
        this.replies = new ImmediateReplies(engine, storage, clock, TRANSPORT, text -> {
            out.println(indent(text));
            out.println();
        }, Optional.of(message -> {
            out.println(indent(LocalFiles.save(files, message, clock)));
            out.println();
        }));
        this.people = storage.people();
        this.chats = storage.chats();
        this.clock = clock;
        this.out = out;
        this.userId = userId;
        this.chatId = chatId;
    }

    public void run(BufferedReader in, boolean interactive) throws IOException {
        while (true) {
            if (interactive) {
                out.print(prompt());
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("/")) {
                if (!steer(line.strip())) {
                    return;
                }
                continue;
            }
            send(line);
        }
    }

    /** Sends one line as the current person, in the current chat, and prints the replies. */
    public void send(String text) {
        InboundMessage message = new InboundMessage(
                "console-" + UUID.randomUUID(), TRANSPORT, userId,
                chatId.isPresent() ? ChatType.GROUP : ChatType.DIRECT, chatId, text, Optional.empty(),
                clock.instant());
        replies.send(message);
        out.flush();
    }

    private boolean steer(String line) {
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0]) {
            case "/quit", "/exit", "/q" -> {
                return false;
            }
            case "/as" -> {
                if (arg.isEmpty()) {
                    out.println("用法：/as USERID，例如 /as liuyang");
                } else {
                    userId = arg;
                    out.println("现在以 " + describePerson() + " 的身份发言。");
                }
            }
            case "/group" -> {
                if (arg.isEmpty()) {
                    out.println("用法：/group CHATID，例如 /group wr-demo-ngk；/direct 切换为私聊。");
                } else {
                    chatId = Optional.of(arg);
                    out.println("现在在群聊 " + describeChat() + " 中发言。");
                }
            }
            case "/direct" -> {
                chatId = Optional.empty();
                out.println("现在与督办助手私聊。");
            }
            case "/who" -> out.println("当前身份：" + describePerson() + "；当前会话：" + describeChat());
            case "/people" -> people.all().forEach(p ->
                    out.printf("  %-14s %s（%s，%s）%n", p.userId(), p.name(), p.unit(), p.role().label()));
            case "/chats" -> chats.all().forEach(c ->
                    out.printf("  %-16s %s%n", c.chatId(), c.kind() == ChatKind.LEADERS ? "领导群" : c.unit().orElse("") + "群"));
            default -> out.println("本地命令：/as USERID 切换身份，/group CHATID 切换群聊，/direct 私聊，"
                    + "/who 当前身份，/people 人员名单，/chats 群聊名单，/quit 退出。");
        }
        out.flush();
        return true;
    }

    public String describePerson() {
        return people.find(userId).map(LocalChat::describe).orElse(userId + "（未登记）");
    }

    public String describeChat() {
        if (chatId.isEmpty()) {
            return "私聊";
        }
        return chats.find(chatId.get()).map(LocalChat::describe).orElse(chatId.get() + "（未绑定的群）");
    }

    private String prompt() {
        String name = people.find(userId).map(Person::name).orElse(userId);
        return name + (chatId.isPresent() ? "@" + chatId.get() : "@私聊") + "> ";
    }

    private static String describe(Person p) {
        return p.name() + "（" + p.userId() + "，" + p.unit() + "，" + p.role().label() + "）";
    }

    private static String describe(ChatBinding c) {
        return c.chatId() + (c.kind() == ChatKind.LEADERS ? "（领导群）" : "（" + c.unit().orElse("") + "群）");
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
