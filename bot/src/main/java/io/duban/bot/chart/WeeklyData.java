package io.duban.bot.chart;

import static java.util.Objects.requireNonNull;

import io.duban.bot.status.Colour;
import java.util.List;
import java.util.Map;

/**
 * What the weekly picture shows.
 *
 * @param byArea     for each area (工作要点) in plan order, how many tasks are of each colour
 * @param completion for each reporting week, the average percent of all tasks and where they should be by then
 */
public record WeeklyData(String title, String subtitle, List<AreaCount> byArea, List<WeekPoint> completion) {
    public WeeklyData {
        requireNonNull(title, "title is null");
        requireNonNull(subtitle, "subtitle is null");
        byArea = List.copyOf(byArea);
        completion = List.copyOf(completion);
    }

    public record AreaCount(String area, Map<Colour, Integer> counts) {
        public AreaCount {
            counts = Map.copyOf(counts);
        }

        public int count(Colour c) {
            return counts.getOrDefault(c, 0);
        }
    }

    /** {@code label} like {@code W41}; percents 0–100. */
    public record WeekPoint(String label, double averagePercent, double expectedPercent) {
    }
}
