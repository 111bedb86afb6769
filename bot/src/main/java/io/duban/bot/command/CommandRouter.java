package io.duban.bot.command;

import io.duban.bot.report.ReportParser;
import io.duban.bot.report.normalize.ChineseNumerals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the command a message starts with. The longest command word wins ({@code 我的任务} before {@code 任务});
 * a word must be followed by the end, a space, a digit or punctuation, or by a number in Chinese numerals that the
 * command takes ({@code 任务十二}: people do not type a space before 十二, and without this rule the message read as an
 * empty report). Text that starts like a report ({@code 12 60% …},
 * {@code 60% …}, {@code 第十二项 …}, {@code 无变化}; see {@link ReportParser#looksLikeReport}) goes to the report command.
 */
public final class CommandRouter {

    public record Route(Command command, String args) {
    }

    /** A number in Chinese numerals right after the command word, ending the word or followed by a space or 历史. */
    private static final Pattern CHINESE_NUMBER_ARG = Pattern.compile(
            "^[" + ChineseNumerals.ALL + "]+(?:$|\\s|历史|[:：,，])");

    /** {@code 问题3已解决，已协调冷链补贴}: the 解决 command as people write it, number first. */
    private static final Pattern SOLVED = Pattern.compile(
            "^问题\\s*(\\d{1,6})\\s*(?:已经|已)?(?:得到)?(?:解决|处理完毕|处理好|处理完)了?(?:[，,。；;：:\\s]+(.*))?$",
            Pattern.DOTALL);

    /** {@code 12应为70%}, {@code 任务12改成65% 已对接3家}: the 更正 command as people write it, task first. */
    private static final Pattern CORRECTED = Pattern.compile(
            "^(?:任务)?\\s*(\\d{1,3})\\s*(?:的进度|进度)?\\s*(?:应为|应该是|应是|改为|改成|更正为|修改为|更改为)\\s*(\\d.*)$",
            Pattern.DOTALL);
    /** {@code 这个机器人怎么用}, {@code 怎么报送？}: asking how to use the bot is asking for 帮助. */
    private static final Pattern HOW_TO = Pattern.compile(
            "^(?:请问)?(?:这个)?(?:机器人|督办助手|你)?(?:怎么|如何|咋)(?:用|使用|报送|报|填报|填)[?？。!！]*$"
                    + "|^(?:使用说明|使用方法|操作说明|说明书)[?？。!！]*$");

    private final List<Command> commands;
    private final Command report;
    private final List<Map.Entry<String, Command>> words = new ArrayList<>();

    public CommandRouter(List<Command> commands, Command report) {
        this.commands = List.copyOf(commands);
        this.report = report;
        Map<String, Command> seen = new HashMap<>();
        for (Command c : commands) {
            List<String> all = new ArrayList<>(c.aliases());
            all.add(0, c.name());
            for (String w : all) {
                String key = w.toLowerCase(Locale.ROOT);
                Command previous = seen.putIfAbsent(key, c);
                if (previous != null) {
                    throw new IllegalArgumentException("command word '" + w + "' is used by both "
                            + previous.name() + " and " + c.name());
                }
                words.add(Map.entry(key, c));
            }
        }
        words.sort(Comparator.comparingInt((Map.Entry<String, Command> e) -> e.getKey().length()).reversed());
    }

    public List<Command> commands() {
        return commands;
    }

    /** Whether the route goes to the report command (text that starts like a report). */
    public boolean isReport(Route route) {
        return route.command() == report;
    }

    public Optional<Route> route(String text) {
        Matcher solved = SOLVED.matcher(text.strip());
        if (solved.matches()) {
            String note = solved.group(2) == null ? "" : solved.group(2).strip();
            Optional<Command> solve = named("解决");
            if (solve.isPresent()) {
                return Optional.of(new Route(solve.get(), ("问题" + solved.group(1) + " " + note).strip()));
            }
        }
        Matcher corrected = CORRECTED.matcher(text.strip());
        if (corrected.matches()) {
            Optional<Command> correct = named("更正");
            if (correct.isPresent()) {
                return Optional.of(new Route(correct.get(), corrected.group(1) + " " + corrected.group(2).strip()));
            }
        }
        if (HOW_TO.matcher(text.strip()).matches()) {
            Optional<Command> help = named("帮助");
            if (help.isPresent()) {
                return Optional.of(new Route(help.get(), ""));
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Command> w : words) {
            if (!lower.startsWith(w.getKey())) {
                continue;
            }
            String rest = text.substring(w.getKey().length());
            boolean chineseNumber = CHINESE_NUMBER_ARG.matcher(rest).find();
            if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0)) && !Character.isDigit(rest.charAt(0))
                    && ":：,，".indexOf(rest.charAt(0)) < 0 && !chineseNumber && !w.getValue().acceptsJoined(rest)) {
                continue;
            }
            String args = rest.replaceFirst("^[\\s:：,，]+", "").strip();
            if (chineseNumber && !w.getValue().accepts(args)) {
                continue; // 问题三 is not a page number: read the message as before
            }
            if (w.getValue().accepts(args)) {
                return Optional.of(new Route(w.getValue(), args));
            }
            return Optional.of(new Route(report, text));
        }
        if (ReportParser.looksLikeReport(text)) {
            return Optional.of(new Route(report, text));
        }
        return Optional.empty();
    }

    /** The command with this name, when it is registered (a test may build a router without it). */
    private Optional<Command> named(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
