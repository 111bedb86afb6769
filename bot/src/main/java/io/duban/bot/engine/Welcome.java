package io.duban.bot.engine;

import io.duban.roster.Person;
import java.util.Optional;

/** What the bot says to someone who opens a chat with it. */
final class Welcome {
    static final String TEXT = """
            您好，我是督办助手，负责跟踪年度工作计划的进展。
            在群里 @督办助手 或在这里直接发消息即可汇报任务进展、查询任务状态；发送“帮助”查看汇报格式和示例。""";

    private Welcome() {
    }

    /** The welcome, by name for someone on the roster. */
    static String to(Optional<Person> person) {
        return person.map(p -> p.name() + "，" + TEXT).orElse(TEXT);
    }
}
