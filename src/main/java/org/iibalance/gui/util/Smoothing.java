package org.iibalance.gui.util;

/**
 * TensorBoard's "classic" smoothing: a bias-corrected exponential moving average,
 * {@code last = last*w + (1-w)*y} and the plotted value {@code last / (1 - w^n)}. Non-finite values
 * pass through without touching the average; a weight of 0 leaves the series as is.
 */
public final class Smoothing {
    private final double weight;
    private double last;
    private int n;

    /** A smoother with weight {@code w} in [0, 1). */
    public Smoothing(double weight) {
        if (weight < 0 || weight >= 1) throw new IllegalArgumentException("smoothing weight must be in [0, 1)");
        this.weight = weight;
    }

    /** Feeds one value; returns its smoothed value. */
    public double next(double y) {
        if (!Double.isFinite(y)) return y;
        last = last * weight + (1 - weight) * y;
        n++;
        double debias = 1 - Math.pow(weight, n);
        return debias == 0 ? y : last / debias;
    }

    /** Smooths a whole series. */
    public static double[] smooth(double[] ys, double weight) {
        Smoothing s = new Smoothing(weight);
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) out[i] = s.next(ys[i]);
        return out;
    }
}
