package io.duban.bot.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Side-by-side measurement: the thing and its reference run in interleaved pairs, and the ratio of each pair is kept,
 * so that the result holds when the (shared, two-core) machine is busy. Prints one {@code BENCH} line.
 */
final class Ratios {
    private Ratios() {
    }

    /**
     * @param subject   one measurement of the thing (a rate or a time, same unit as the reference)
     * @param reference one measurement of the reference
     * @return the median ratio subject / reference
     */
    static double pairs(String what, String unit, int pairs, DoubleSupplier subject, DoubleSupplier reference) {
        double[] s = new double[pairs];
        double[] r = new double[pairs];
        double[] ratio = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                s[i] = subject.getAsDouble();
                r[i] = reference.getAsDouble();
            } else {
                r[i] = reference.getAsDouble();
                s[i] = subject.getAsDouble();
            }
            ratio[i] = s[i] / r[i];
        }
        double median = median(ratio);
        System.out.printf("BENCH %s: subject median %.1f %s, reference median %.1f %s, ratio (median of %d pairs) %.2f"
                        + "  [ratios %s]%n", what, median(s), unit, median(r), unit, pairs, median,
                Arrays.toString(Arrays.stream(ratio).map(x -> Math.round(x * 100) / 100.0).toArray()));
        return median;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
