package io.duban.bot.report;

/** One part of a message: a report about one task, or a piece the bot could not read, with why. */
public sealed interface ReportPart {
    /** The cleaned text of this part, as the person wrote it. */
    String source();

    record Read(String source, ParsedReport report) implements ReportPart {
    }

    /** @param reason why, in Chinese, with a correct example */
    record Unreadable(String source, String reason) implements ReportPart {
    }

    /** An opening line before the reports ({@code 本周进展如下：}); it says nothing about a task. */
    record Preamble(String source) implements ReportPart {
    }
}
