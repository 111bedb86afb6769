package io.duban.bot.text;

import io.duban.plan.PlanTask;

/**
 * A task's short title for lists: the plan's curated 简称 ({@link PlanTask#shortTitle()}), which the plan derives
 * from the task text when the plan file has none. One source, so every list, prompt and summary names a task alike.
 */
public final class ShortTitles {
    public static final int MAX_CHARS = PlanTask.MAX_SHORT_TITLE;

    private ShortTitles() {
    }

    public static String of(PlanTask task) {
        return task.shortTitle();
    }
}
