package io.duban.bot.milestone;

import io.duban.bot.text.UserText;
import io.duban.plan.Milestone;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a task should be by a day, and which of its milestones it missed. Without milestones that carry a percent,
 * the expected percent is the straight line from the plan start (0%) to the deadline (100%); each milestone with a
 * percent is a point the line passes through. A milestone is missed when its day has passed and its condition does
 * not hold ({@link TaskMilestone#met}).
 */
public final class MilestonePace {
    private MilestonePace() {
    }

    /**
     * @param expected the percent the task should have reached by the day
     * @param missed   passed milestones whose condition does not hold, earliest first
     * @param next     the first milestone on or after the day that is not met yet
     */
    public record Pace(int expected, List<TaskMilestone> missed, Optional<TaskMilestone> next) {
        public Pace {
            missed = List.copyOf(missed);
        }

        /**
         * {@code 未按期达成节点：10月31日 完成产销对接会（60%），当前进度 45%}, the milestone's text escaped (it was
         * typed in chat); empty when nothing was missed.
         */
        public Optional<String> missedReason(int percent) {
            if (missed.isEmpty()) {
                return Optional.empty();
            }
            String first = "未按期达成节点：" + UserText.escape(missed.get(0).milestone().label(), 40) + "，当前进度 "
                    + percent + "%";
            return Optional.of(missed.size() == 1 ? first : first + "（另有 " + (missed.size() - 1) + " 个节点未达成）");
        }
    }

    public static Pace of(List<TaskMilestone> milestones, LocalDate start, LocalDate deadline, LocalDate today,
                          int currentPercent) {
        List<TaskMilestone> missed = new ArrayList<>();
        Optional<TaskMilestone> next = Optional.empty();
        for (TaskMilestone m : milestones) {
            boolean met = m.met(currentPercent);
            if (m.milestone().date().isBefore(today)) {
                if (!met) {
                    missed.add(m);
                }
            } else if (next.isEmpty() && !met) {
                next = Optional.of(m);
            }
        }
        return new Pace(expected(milestones.stream().map(TaskMilestone::milestone).toList(), start, deadline, today),
                missed, next);
    }

    /** The expected percent on a day: linear between (start, 0%), the milestones with a percent, (deadline, 100%). */
    public static int expected(List<Milestone> milestones, LocalDate start, LocalDate deadline, LocalDate today) {
        List<LocalDate> days = new ArrayList<>(List.of(start));
        List<Integer> percents = new ArrayList<>(List.of(0));
        for (Milestone m : milestones) {
            if (m.percent().isPresent() && m.date().isAfter(days.get(days.size() - 1)) && m.date().isBefore(deadline)) {
                days.add(m.date());
                percents.add(m.percent().getAsInt());
            }
        }
        days.add(deadline);
        percents.add(100);
        if (!today.isAfter(start)) {
            return today.isAfter(deadline) ? 100 : 0;
        }
        if (!today.isBefore(deadline)) {
            return 100;
        }
        for (int i = 1; i < days.size(); i++) {
            if (!today.isAfter(days.get(i))) {
                long total = ChronoUnit.DAYS.between(days.get(i - 1), days.get(i));
                long elapsed = ChronoUnit.DAYS.between(days.get(i - 1), today);
                double from = percents.get(i - 1);
                double to = percents.get(i);
                return (int) Math.round(from + (to - from) * elapsed / total);
            }
        }
        return 100;
    }
}
