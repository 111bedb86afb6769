package io.duban.bot.duty;

import java.util.Locale;

/** How many of the reports a unit owed in a span it sent in time: {@code covered} of {@code owed}. */
public record ReportingRate(int covered, int owed) {

    public ReportingRate plus(ReportingRate o) {
        return new ReportingRate(covered + o.covered, owed + o.owed);
    }

    /** {@code 3/4（75%）}, {@code 0/0（—）}. */
    public String label() {
        return covered + "/" + owed + "（" + (owed == 0 ? "—" : String.format(Locale.ROOT, "%.0f%%", covered * 100.0 / owed))
                + "）";
    }
}
