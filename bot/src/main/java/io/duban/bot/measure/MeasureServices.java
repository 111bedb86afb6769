package io.duban.bot.measure;

import io.duban.bot.metric.MetricService;
import io.duban.bot.milestone.MilestoneService;
import io.duban.bot.problem.ProblemService;

/** The services behind a task's own measures: milestones, metrics and problem items (issue 15). */
public record MeasureServices(MilestoneService milestones, MetricService metrics, ProblemService problems) {
}
