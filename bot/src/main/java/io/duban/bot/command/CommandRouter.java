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
import java.util.regex.Pattern;

/**
 * Finds the command a message starts with. The longest command word wins ({@code 我的任务} before {@code 任务});
 * a word must be followed by the end, a space, a digit or punctuation, or by a number in Chinese numerals that the
 * command takes ({@code 任务十二}: people do not type a space before 十二, and without this rule the message read as an
 * empty report). Text that starts like a report ({@code 12 60% …},
 * {@code 60% …}, {@code 第十二项 …}, {@code 无变化}; see {@link ReportParser#looksLikeReport}) goes to the report command.
 * Phrasings that stand for a command ({@code 问题3已解决}, {@code 12应为70%}; see {@link PlainPhrasings}) come first.
 */
public final class CommandRouter {

    public record Route(Command command, String args) {
    }

    /** A number in Chinese numerals right after the command word, ending the word or followed by a space or 历史. */
    private static final Pattern CHINESE_NUMBER_ARG = Pattern.compile(
            "^[" + ChineseNumerals.ALL + "]+(?:$|\\s|历史|[:：,，])");

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
        Optional<Route> phrased = PlainPhrasings.read(text)
                .flatMap(m -> named(m.command()).map(c -> new Route(c, m.args())));
        if (phrased.isPresent()) {
            return phrased;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Command> w : words) {
            if (!lower.startsWith(w.getKey())) {
                continue;
            }
            String rest = text.substring(w.getKey().length());
            boolean chineseNumber = CHINESE_NUMBER_ARG.matcher(rest).find();
            if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0)) && !Character.isDigit(rest.charAt(0))
                    && ":：,，".indexOf(rest.charAt(0)) < 0 && !chineseNumber) {
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
