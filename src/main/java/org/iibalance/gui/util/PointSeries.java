package org.iibalance.gui.util;

import java.util.Arrays;
import org.jfree.data.xy.XYSeries;

/**
 * A growing series of (x, y) points kept whole in primitive arrays (for export and re-smoothing),
 * shown through a bounded {@link XYSeries}: {@link #showIn} refills the chart's series with at most
 * {@code maxPoints} points chosen by {@link Decimation#minMax}, without sending change events (the
 * caller redraws the chart once).
 */
public final class PointSeries {
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int n;

    /** Appends a point. */
    public void add(double x, double y) {
        if (n == xs.length) {
            xs = Arrays.copyOf(xs, n * 2);
            ys = Arrays.copyOf(ys, n * 2);
        }
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    /** Replaces the y value of point {@code i}. */
    public void setY(int i, double y) {
        ys[i] = y;
    }

    /** Number of points. */
    public int size() {
        return n;
    }

    /** The x value of point {@code i}. */
    public double x(int i) {
        return xs[i];
    }

    /** The y value of point {@code i}. */
    public double y(int i) {
        return ys[i];
    }

    /** Forgets every point. */
    public void clear() {
        n = 0;
    }

    /**
     * Makes {@code target} (whose notification should be off) hold at most {@code maxPoints} of these
     * points, reusing the series object. Returns the number of points shown.
     */
    public int showIn(XYSeries target, int maxPoints) {
        int[] idx = Decimation.minMax(ys, n, maxPoints);
        boolean notify = target.getNotify();
        target.setNotify(false);
        target.clear();
        for (int i : idx) target.add(xs[i], ys[i], false);
        if (notify) target.setNotify(true);
        return idx.length;
    }
}
