package org.iibalance.report;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation (n - 1) and the 95% Student-t interval of the values that are not
 * NaN: {@code mean +- t(0.975, n - 1) * std / sqrt(n)} (commons-math3's {@link TDistribution}). With one
 * value there is no spread to estimate: std and the interval are NaN, and tables print "n=1".
 *
 * @param mean mean (NaN when n = 0)
 * @param std  sample standard deviation (NaN when n < 2)
 * @param n    values used
 */
public record Stat(double mean, double std, int n) {
    /** Confidence level of {@link #halfWidth()}. */
    public static final double LEVEL = 0.95;

    public static Stat of(List<Double> xs) {
        double[] v = xs.stream().filter(x -> x != null && !Double.isNaN(x)).mapToDouble(Double::doubleValue).toArray();
        return of(v);
    }

    public static Stat of(double[] values) {
        int n = 0;
        double m = 0;
        for (double x : values) {
            if (Double.isNaN(x)) continue;
            n++;
            m += x;
        }
        if (n == 0) return new Stat(Double.NaN, Double.NaN, 0);
        m /= n;
        double ss = 0;
        for (double x : values) if (!Double.isNaN(x)) ss += (x - m) * (x - m);
        return new Stat(m, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n);
    }

    /** Whether there is a spread and an interval (n >= 2). */
    public boolean hasInterval() {
        return n >= 2;
    }

    /** Half-width of the 95% t-interval: t(0.975, n - 1) * std / sqrt(n); NaN when n < 2. */
    public double halfWidth() {
        if (!hasInterval()) return Double.NaN;
        return tQuantile(n - 1) * std / Math.sqrt(n);
    }

    /** Lower end of the 95% t-interval (NaN when n < 2). */
    public double lower() {
        return mean - halfWidth();
    }

    /** Upper end of the 95% t-interval (NaN when n < 2). */
    public double upper() {
        return mean + halfWidth();
    }

    /** The two-sided 95% quantile t(0.975, df). */
    static double tQuantile(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }
}
