package io.duban.bot.engine;

import io.duban.bot.text.UserText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer to words the bot cannot read: what it did not understand, quoted (escaped, cut short), and the example
 * closest to what the person seems to want. Nothing is stored from such a message but the message itself.
 */
final class NotUnderstood {
    /** {@code 改成70%}, {@code 应为 65%}: a correction without its task number. */
    private static final Pattern CORRECTION = Pattern.compile(
            "^(?:改成|改为|修改为|修改成|更正为|更改为|应为|应该是)\\s*(\\d{1,3})\\s*[%％]");

    /** {@code 刚才那条发错了}, {@code 报错了}: the person wants to take back or fix what was just sent. */
    private static final Pattern MISTAKE = Pattern.compile("发错|报错|写错|填错|搞错|弄错|错了|不对");

    private NotUnderstood() {
    }

    /** @param leader whether the sender asks for status rather than reports (a leader, or an admin asking) */
    static String answer(String text, boolean leader) {
        String quoted = "“" + UserText.escape(text, 20) + "”";
        Matcher correction = CORRECTION.matcher(text);
        if (correction.find()) {
            return "要更正哪一项任务？" + quoted + "没有写任务编号，暂未记录。请写明任务编号，例如：更正 12 "
                    + correction.group(1) + "% 本周进展";
        }
        if (!leader && MISTAKE.matcher(text).find()) {
            return "没关系。撤回自己刚发的报送请发：撤回上一条；修改某项请发：更正 12 70% 本周进展（写明任务编号）。";
        }
        if (leader) {
            return "抱歉，没有看懂" + quoted + "。可以发：进度、任务 12、未报送、问题、指标、单位 农管科；全部命令请发：帮助";
        }
        return "抱歉，没有看懂" + quoted + "。报送进度请发：12 60% 本周进展；问题：…；下一步：…；查看全部命令请发：帮助";
    }
}
