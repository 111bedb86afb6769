package io.duban.bot.command;

import io.duban.bot.message.Reply;
import java.util.List;

/**
 * A chat command, described well enough that {@code 帮助} is generated from the descriptions
 * (Hubot's CommandBus, Telegram's HelpCommand).
 */
public interface Command {

    /** The Chinese command word, e.g. {@code 进度}. */
    String name();

    /** Other words that start the command, e.g. English aliases. */
    List<String> aliases();

    /** One line saying what the command does. */
    String summary();

    /** A complete example message. */
    String example();

    Access access();

    /**
     * Whether this command takes these arguments. A query word followed by report-like text ({@code 进度60% …})
     * is a report, not the query; such commands accept only empty arguments.
     */
    default boolean accepts(String args) {
        return true;
    }

    /**
     * Runs the command.
     *
     * @param args the text after the command word, stripped
     */
    Reply handle(CommandContext ctx, String args);
}
