package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.plan.Organization;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.PersonRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code 登记 lisi 李四 农管科 联络员}: an admin adds or changes a person. */
public final class RegisterCommand implements Command {
    private final Organization org;
    private final PersonRepository people;
    private final Quoter quoter;
    private final Clock clock;

    public RegisterCommand(Organization org, PersonRepository people, Quoter quoter, Clock clock) {
        this.org = org;
        this.people = people;
        this.quoter = quoter;
        this.clock = clock;
    }

    private static final String USAGE = "登记 USERID 姓名 单位 角色，例如：登记 lisi 李四 农管科 联络员（角色：工作人员、联络员、领导、管理员）";

    @Override
    public String name() {
        return "登记";
    }

    @Override
    public List<String> aliases() {
        return List.of("register");
    }

    @Override
    public String summary() {
        return "登记或修改人员（管理员）";
    }

    @Override
    public String example() {
        return "登记 lisi 李四 农管科 联络员";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        String[] parts = args.split("\\s+");
        if (parts.length != 4) {
            return Reply.of("格式不对。" + USAGE);
        }
        String userId = parts[0];
        if (!userId.matches("[A-Za-z0-9_.@\\-]{1,64}")) {
            return Reply.of("userid 只能包含字母、数字和 _ . @ -。" + USAGE);
        }
        if (!org.isUnit(parts[2])) {
            return Reply.of("没有名为“" + quoter.quote(parts[2]) + "”的单位。可用单位："
                    + String.join("、", org.units()) + "。");
        }
        Optional<Role> role = Role.parse(parts[3]);
        if (role.isEmpty()) {
            return Reply.of("角色“" + quoter.quote(parts[3]) + "”无法识别。" + USAGE);
        }
        if (userId.equals(ctx.person().userId()) && role.get() != Role.ADMIN) {
            return Reply.of("不能取消自己的管理员身份，请由另一位管理员操作。");
        }
        Optional<Person> before = people.find(userId);
        Person person = new Person(userId, parts[1], parts[2], role.get());
        people.saveFromChat(person, clock.instant());
        return Reply.of((before.isPresent() ? "已更新：" : "已登记：") + quoter.quote(person.name()) + "（"
                + userId + "），" + person.unit() + "，" + person.role().label() + "。");
    }
}
