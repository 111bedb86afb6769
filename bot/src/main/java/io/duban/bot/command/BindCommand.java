package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.plan.Organization;
import io.duban.roster.ChatBinding;
import io.duban.storage.ChatRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code 绑定 农管科} or {@code 绑定 领导群}: an admin tells the bot what the current group chat is for. */
public final class BindCommand implements Command {
    private final Organization org;
    private final ChatRepository chats;
    private final Clock clock;

    public BindCommand(Organization org, ChatRepository chats, Clock clock) {
        this.org = org;
        this.chats = chats;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "绑定";
    }

    @Override
    public List<String> aliases() {
        return List.of("bind");
    }

    @Override
    public String summary() {
        return "把当前群绑定为某单位的群或领导群（管理员）";
    }

    @Override
    public String example() {
        return "绑定 农管科";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        if (!ctx.inGroup()) {
            return Reply.of("绑定只能在群聊中进行：请在要绑定的群里 @督办助手 绑定 农管科（或 绑定 领导群）。");
        }
        String chatId = ctx.message().chatId().orElseThrow();
        ChatBinding binding;
        if (args.equals("领导群") || args.equals("领导")) {
            binding = ChatBinding.leaders(chatId);
        } else if (org.isUnit(args)) {
            binding = ChatBinding.unit(chatId, args);
        } else {
            return Reply.of("请写明单位名称或“领导群”，例如：绑定 农管科。可用单位："
                    + String.join("、", org.units()) + "。");
        }
        Optional<String> before = chats.find(chatId).map(BindCommand::label);
        String now = label(binding);
        if (before.filter(now::equals).isPresent()) {
            return Reply.of("本群已是" + now + "，无需再绑定。");
        }
        chats.saveFromChat(binding, clock.instant());
        String was = before.map(b -> "（原为" + b + "，已改绑）").orElse("");
        return Reply.of(binding.unit().map(u -> "本群已绑定为" + now + was + "，每周提醒将发到这里。")
                .orElse("本群已绑定为" + now + was + "，每周汇总和月度通报将发到这里。"));
    }

    private static String label(ChatBinding binding) {
        return binding.unit().map(u -> u + "的工作群").orElse("领导群");
    }
}
