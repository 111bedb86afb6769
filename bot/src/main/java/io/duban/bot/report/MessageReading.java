package io.duban.bot.report;

import java.util.List;

/** What one chat message says, read from its text alone (no plan, no database). */
public sealed interface MessageReading {
    /** Reports about one or more tasks, each line or {@code ；} segment that starts with a task its own part. */
    record Reports(List<ReportPart> parts) implements MessageReading {
        public Reports {
            parts = List.copyOf(parts);
        }

        public List<ParsedReport> read() {
            return parts.stream().filter(p -> p instanceof ReportPart.Read).map(p -> ((ReportPart.Read) p).report())
                    .toList();
        }

        public List<ReportPart.Unreadable> unreadable() {
            return parts.stream().filter(p -> p instanceof ReportPart.Unreadable).map(p -> (ReportPart.Unreadable) p)
                    .toList();
        }
    }

    /** {@code 收到}, {@code 好的}, {@code 谢谢}, 👍: a friendly word, not a report. */
    record Social(String text) implements MessageReading {
    }
}
