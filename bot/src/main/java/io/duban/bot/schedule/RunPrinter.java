package io.duban.bot.schedule;

import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.util.List;

/** Prints a run and its messages for the admin: to which chats or people, @-ing whom, and the exact text. */
final class RunPrinter {
    private RunPrinter() {
    }

    static String header(Job job, PlannedRun run) {
        return job.name() + "（" + job.title() + "）· 周期 " + run.period() + " · 时间 " + Texts.console(run.at())
                + (run.moved() ? "（原定 " + run.nominalDate() + " "
                + Texts.weekday(run.nominalDate().getDayOfWeek()) + "，非工作日，已调整）" : "");
    }

    static String messages(List<OutboundMessage> messages, Recipients to) {
        StringBuilder sb = new StringBuilder();
        if (messages.isEmpty()) {
            sb.append("（这次没有要发送的消息。No messages for this run.）\n");
        }
        int i = 0;
        for (OutboundMessage m : messages) {
            i++;
            sb.append("—— ").append(i).append('/').append(messages.size()).append(" → ").append(address(m.address(), to))
                    .append(" · ").append(m.format().key()).append(" · ").append(m.content().length()).append(" 字\n");
            if (!m.mentions().isEmpty()) {
                sb.append("   @ ").append(String.join("、", m.mentions().stream().map(to::personLabel).toList()))
                        .append('\n');
            }
            m.dedupeKey().ifPresent(k -> sb.append("   去重键 ").append(k).append('\n'));
            if (m.format() == OutboundMessage.Format.IMAGE || m.format() == OutboundMessage.Format.FILE) {
                sb.append("   │ [").append(m.format() == OutboundMessage.Format.IMAGE ? "图片" : "文件").append("] ")
                        .append(io.duban.storage.model.FileContent.decode(m.content()).describe()).append('\n');
                continue;
            }
            for (String line : m.content().split("\n", -1)) {
                sb.append("   │ ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static String address(Address a, Recipients to) {
        return switch (a.kind()) {
            case GROUP -> "群 " + to.chatLabel(a.value());
            case PERSON -> "私聊 " + to.personLabel(a.value());
            case REPLY -> "回复 " + a.value();
        };
    }
}
