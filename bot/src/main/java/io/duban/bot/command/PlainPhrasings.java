package io.duban.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people write instead of a command, and the command it stands for: {@code 问题3已解决} is 解决 问题3,
 * {@code 12应为70%} is 更正 12 70%, {@code 撤回上一条} is 撤回 上一条, {@code 这个机器人怎么用} is 帮助. Read before the
 * command words, for everyone; the command then checks who may use it, as for its own word.
 */
final class PlainPhrasings {
    /** The command a phrasing stands for, and the arguments to give it. */
    record Meaning(String command, String args) {
    }

    /** A phrasing: its pattern, its command, and the arguments from a match (empty: not this phrasing after all). */
    private record Phrasing(Pattern pattern, String command, Function<Matcher, Optional<String>> args) {
    }

    private static final List<Phrasing> ALL = List.of(
            // 问题3已解决，已协调冷链补贴: the note is only what was written after it
            new Phrasing(Pattern.compile("^问题\\s*(\\d{1,6})\\s*(?:已经|已)?(?:得到)?(?:解决|处理完毕|处理好|处理完)了?"
                    + "(?:[，,。；;：:\\s]+(.*))?$", Pattern.DOTALL), "解决",
                    m -> Optional.of(("问题" + m.group(1) + " " + Objects.toString(m.group(2), "").strip()).strip())),
            // 12应为70%, 任务12改成65% 已对接3家
            new Phrasing(Pattern.compile("^(?:任务)?\\s*(\\d{1,3})\\s*(?:的进度|进度)?\\s*"
                    + "(?:应为|应该是|应是|改为|改成|更正为|修改为|更改为)\\s*(\\d.*)$", Pattern.DOTALL), "更正",
                    m -> Optional.of(m.group(1) + " " + m.group(2).strip())),
            // 撤回上一条, 撤回刚才那条: written without a space, which a command word otherwise needs (撤回来 is no 撤回)
            new Phrasing(Pattern.compile("^撤回(\\S.*)$", Pattern.DOTALL), "撤回",
                    m -> ReportReplies.isTheLastOne(m.group(1)) ? Optional.of(m.group(1).strip()) : Optional.empty()),
            // 这个机器人怎么用, 怎么报送？
            new Phrasing(Pattern.compile("^(?:请问)?(?:这个)?(?:机器人|督办助手|你)?(?:怎么|如何|咋)(?:用|使用|报送|报|填报|填)"
                    + "[?？。!！]*$|^(?:使用说明|使用方法|操作说明|说明书)[?？。!！]*$"), "帮助", m -> Optional.of("")));

    private PlainPhrasings() {
    }

    /** The command the text stands for, or empty when it is no such phrasing. */
    static Optional<Meaning> read(String text) {
        String t = text.strip();
        for (Phrasing p : ALL) {
            Matcher m = p.pattern().matcher(t);
            if (m.matches()) {
                Optional<String> args = p.args().apply(m);
                if (args.isPresent()) {
                    return Optional.of(new Meaning(p.command(), args.get()));
                }
            }
        }
        return Optional.empty();
    }
}
