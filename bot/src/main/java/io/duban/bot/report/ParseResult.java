package io.duban.bot.report;

/** Either a parsed report or a reason, in Chinese, why the text is not one, with a correct example. */
public sealed interface ParseResult {
    record Ok(ParsedReport report) implements ParseResult {
    }

    record Invalid(String reason) implements ParseResult {
    }
}
