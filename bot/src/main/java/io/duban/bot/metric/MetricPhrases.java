package io.duban.bot.metric;

import io.duban.plan.MetricDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a task's metric figures in a report's text: the metric's name, at most a few words, a number and the
 * metric's unit ({@code 采购金额 12.5 万元}, {@code 培训基层干部 35 人次}, {@code 采购金额：12.5万元}). Only the task's
 * own metrics are recognised, and only with their name: a bare {@code 12.5 万元} is not stored (it is reported back
 * as {@link Found#unnamed}, so that the person can resend it with the name).
 *
 * <p>This is the narrow, plan-aware recognition the metric feature needs; the general report parser (issue 10)
 * may take it over.
 */
public final class MetricPhrases {
    private static final String NUMBER = "(\\d{1,9}(?:\\.\\d{1,4})?)";
    /**
     * The patterns of the plan's metrics, compiled once: compiling them for every report was 3% of storing one
     * (issue 14's profile). The plan names a few dozen metrics at most.
     */
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private MetricPhrases() {
    }

    /**
     * @param values  recognised figures by metric name (a metric written twice: the last one)
     * @param unnamed figures written with a metric's unit but without its name, as written
     */
    public record Found(Map<String, Double> values, List<String> unnamed) {
        public boolean isEmpty() {
            return values.isEmpty() && unnamed.isEmpty();
        }
    }

    public static Found find(String text, List<MetricDefinition> metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        String rest = text;
        for (MetricDefinition m : metrics) {
            Pattern named = PATTERNS.computeIfAbsent("named\u0000" + m.name() + "\u0000" + m.unit(),
                    k -> Pattern.compile(Pattern.quote(m.name()) + "[^\\d；;，,。\\n]{0,8}?\\s*[:：]?\\s*" + NUMBER
                            + "\\s*" + Pattern.quote(m.unit())));
            Matcher matcher = named.matcher(rest);
            StringBuilder kept = new StringBuilder();
            while (matcher.find()) {
                values.put(m.name(), Double.parseDouble(matcher.group(1)));
                matcher.appendReplacement(kept, " ");
            }
            matcher.appendTail(kept);
            rest = kept.toString();
        }
        List<String> unnamed = new ArrayList<>();
        for (MetricDefinition m : metrics) {
            Matcher bare = PATTERNS.computeIfAbsent("bare\u0000" + m.unit(),
                    k -> Pattern.compile("(?<![\\d.])" + NUMBER + "\\s*" + Pattern.quote(m.unit()))).matcher(rest);
            while (bare.find()) {
                unnamed.add(bare.group());
            }
        }
        return new Found(values, unnamed);
    }

    /** {@code 16 采购金额 12.5 万元}: how to report the task's first metric. */
    public static String example(int task, MetricDefinition m) {
        return task + " 60% " + m.name() + " " + (m.unit().equals("万元") ? "12.5" : "3") + " " + m.unit();
    }
}
