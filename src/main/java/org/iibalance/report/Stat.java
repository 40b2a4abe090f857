package org.iibalance.report;

import java.util.List;

/**
 * Mean and sample standard deviation (n - 1; 0 for one value) of the values that are not NaN.
 *
 * @param mean mean (NaN when n = 0)
 * @param std  sample standard deviation
 * @param n    values used
 */
public record Stat(double mean, double std, int n) {
    public static Stat of(List<Double> xs) {
        List<Double> v = xs.stream().filter(x -> !Double.isNaN(x)).toList();
        if (v.isEmpty()) return new Stat(Double.NaN, Double.NaN, 0);
        double m = 0;
        for (double x : v) m += x;
        m /= v.size();
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return new Stat(m, v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0, v.size());
    }
}
