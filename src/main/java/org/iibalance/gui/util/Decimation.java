package org.iibalance.gui.util;

import java.util.Arrays;

/**
 * Which points of a long series to draw: the first and the last point, and in each of about
 * {@code maxPoints / 2} equal buckets of indices its lowest and its highest value, in index order.
 * So spikes and the envelope of a noisy loss curve survive while the number of points drawn stays
 * bounded however long training runs. Pure arithmetic: no JavaFX, no chart types.
 */
public final class Decimation {
    private Decimation() {}

    /**
     * Indices (ascending, no duplicates) of the points of {@code y[0..n)} to draw; all of them when
     * {@code n <= maxPoints}. Non-finite values are never chosen as a bucket's minimum or maximum.
     *
     * @param maxPoints bound on the result's length (at least 4)
     */
    public static int[] minMax(double[] y, int n, int maxPoints) {
        if (maxPoints < 4) throw new IllegalArgumentException("maxPoints must be at least 4");
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int buckets = (maxPoints - 2) / 2;
        int[] out = new int[2 + 2 * buckets];
        int k = 0;
        out[k++] = 0;
        for (int b = 0; b < buckets; b++) {
            int lo = 1 + (int) ((long) b * (n - 2) / buckets);
            int hi = 1 + (int) ((long) (b + 1) * (n - 2) / buckets);
            int min = -1;
            int max = -1;
            for (int i = lo; i < hi; i++) {
                if (!Double.isFinite(y[i])) continue;
                if (min < 0 || y[i] < y[min]) min = i;
                if (max < 0 || y[i] > y[max]) max = i;
            }
            if (min < 0) continue;
            int first = Math.min(min, max);
            int second = Math.max(min, max);
            out[k++] = first;
            if (second != first) out[k++] = second;
        }
        out[k++] = n - 1;
        return Arrays.copyOf(out, k);
    }
}
