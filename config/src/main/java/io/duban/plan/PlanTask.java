package io.duban.plan;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One 具体任务 of a plan, numbered as in the 任务分解表. Units are named as the table writes them: a name may be
 * a unit group such as 各相关科室, which {@link Organization#expand} turns into real units.
 *
 * <p>{@code shortTitle} (简称, at most {@link #MAX_SHORT_TITLE} characters) names the task in every list, prompt and
 * summary; {@code reporting} says who owes its progress and how often.
 */
public record PlanTask(
        int number,
        int areaNumber,
        String areaName,
        String text,
        List<String> leadUnits,
        List<String> responsibleUnits,
        LocalDate deadline,
        Optional<Kpi> kpi,
        // reporting load (issue 11)
        String shortTitle,
        Reporting reporting,
        // milestones and metrics (issue 15)
        TaskMeasures measures) {

    public static final int MAX_SHORT_TITLE = 12;

    public PlanTask {
        requireNonNull(areaName, "areaName is null");
        requireNonNull(text, "text is null");
        leadUnits = List.copyOf(leadUnits);
        responsibleUnits = List.copyOf(responsibleUnits);
        requireNonNull(deadline, "deadline is null");
        requireNonNull(kpi, "kpi is null");
        requireNonNull(measures, "measures is null");
        requireNonNull(reporting, "reporting is null");
        if (shortTitle == null || shortTitle.isBlank()) {
            shortTitle = derivedTitle(text);
        }
        shortTitle = shortTitle.strip();
        if (shortTitle.codePointCount(0, shortTitle.length()) > MAX_SHORT_TITLE) {
            throw new IllegalArgumentException("short title '" + shortTitle + "' is longer than " + MAX_SHORT_TITLE
                    + " characters");
        }
    }

    /** A task without milestones or metrics. */
    public PlanTask(int number, int areaNumber, String areaName, String text, List<String> leadUnits,
                    List<String> responsibleUnits, LocalDate deadline, Optional<Kpi> kpi, String shortTitle,
                    Reporting reporting) {
        this(number, areaNumber, areaName, text, leadUnits, responsibleUnits, deadline, kpi, shortTitle, reporting,
                TaskMeasures.NONE);
    }

    /** A task with milestones and metrics but default reporting settings. */
    public PlanTask(int number, int areaNumber, String areaName, String text, List<String> leadUnits,
                    List<String> responsibleUnits, LocalDate deadline, Optional<Kpi> kpi, TaskMeasures measures) {
        this(number, areaNumber, areaName, text, leadUnits, responsibleUnits, deadline, kpi, "", Reporting.DEFAULT,
                measures);
    }

    /** A task without a short title or reporting settings: the title is cut from the text; weekly, leads only. */
    public PlanTask(int number, int areaNumber, String areaName, String text, List<String> leadUnits,
                    List<String> responsibleUnits, LocalDate deadline, Optional<Kpi> kpi) {
        this(number, areaNumber, areaName, text, leadUnits, responsibleUnits, deadline, kpi, "", Reporting.DEFAULT);
    }

    public List<Milestone> milestones() {
        return measures.milestones();
    }

    public List<MetricDefinition> metrics() {
        return measures.metrics();
    }

    public Cadence cadence() {
        return reporting.cadence();
    }

    public PlanTask withReporting(Reporting r) {
        return new PlanTask(number, areaNumber, areaName, text, leadUnits, responsibleUnits, deadline, kpi,
                shortTitle, r, measures);
    }

    /** {@code 12 推动产业发展}: how lists name the task. */
    public String label() {
        return number + " " + shortTitle;
    }

    /**
     * How lists name the task: its short title (简称), cut to {@code maxChars} if need be. Every list, prompt and
     * summary uses it; the full text appears only in 任务 N and in the 台账.
     */
    public String shortText(int maxChars) {
        return shortTitle.length() <= maxChars ? shortTitle : shortTitle.substring(0, maxChars) + "…";
    }

    private static String derivedTitle(String text) {
        String t = text.replaceFirst("^\\d+[.．、]\\s*", "").split("[，,。；;、：:]", 2)[0].strip();
        return t.codePointCount(0, t.length()) <= MAX_SHORT_TITLE ? t
                : t.substring(0, t.offsetByCodePoints(0, MAX_SHORT_TITLE));
    }
}
