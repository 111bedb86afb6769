package io.duban.bot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** CPU time of this JVM's threads grouped by name (numbers stripped), to say where a benchmark's time went. */
final class ThreadCpu {
    private ThreadCpu() {
    }

    static Map<String, Long> byThreadName() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long nanos = mx.getThreadCpuTime(t.getId());
            if (nanos > 0) {
                out.merge(t.getName().replaceAll("[-#]?\\d+", ""), nanos, Long::sum);
            }
        }
        return out;
    }

    /** The groups that used at least 5 µs per unit between two snapshots, as "name N µs". */
    static String perUnit(Map<String, Long> before, Map<String, Long> after, int units) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e3 / units))
                .filter(e -> e.getValue() >= 5)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .map(e -> e.getKey() + " " + Math.round(e.getValue()) + " µs")
                .collect(Collectors.joining(", "));
    }
}
