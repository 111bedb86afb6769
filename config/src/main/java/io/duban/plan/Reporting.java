package io.duban.plan;

import static java.util.Objects.requireNonNull;

/**
 * Who owes a task's progress report and how often. The lead units (牵头单位) always owe it; the responsible units
 * (责任单位) contribute (they may report at any time, but are not asked, nudged or listed as missing) unless
 * {@code responsibleOwe} makes them owe it too, for a task whose real work is theirs. {@code reason} says why the
 * cadence was chosen, in the office's words.
 */
public record Reporting(Cadence cadence, boolean responsibleOwe, String reason) {
    public Reporting {
        requireNonNull(cadence, "cadence is null");
        requireNonNull(reason, "reason is null");
    }

    /** The default when a plan says nothing: weekly, lead units only. */
    public static final Reporting DEFAULT = new Reporting(Cadence.WEEKLY, false, "");

    public Reporting withCadence(Cadence c) {
        return new Reporting(c, responsibleOwe, reason);
    }

    public Reporting withResponsibleOwe(boolean owe) {
        return new Reporting(cadence, owe, reason);
    }
}
