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
     * Whether the command also takes these words written right after its word without a space or number
     * ({@code 撤回上一条}); by default a command word must stand apart, so that {@code 问题已解决} is no 问题 query.
     */
    default boolean acceptsJoined(String rest) {
        return false;
    }

    /**
     * Runs the command.
     *
     * @param args the text after the command word, stripped
     */
    Reply handle(CommandContext ctx, String args);
}
