package org.iibalance.gui.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** Display decimation of long step series: bounded, keeps the ends and the extremes. */
class DecimationTest {

    @Test
    void shortSeriesAreKeptWhole() {
        assertArrayEquals(new int[] {0, 1, 2}, Decimation.minMax(new double[] {3, 1, 2}, 3, 10));
    }

    @Test
    void longSeriesAreBoundedAndKeepEndsAndSpikes() {
        int n = 100_000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.sin(i / 500.0);
        y[54_321] = 40; // a spike must survive
        y[12_345] = -40;
        int[] idx = Decimation.minMax(y, n, 1000);
        assertTrue(idx.length <= 1000, "bounded: " + idx.length);
        assertEquals(0, idx[0]);
        assertEquals(n - 1, idx[idx.length - 1]);
        for (int i = 1; i < idx.length; i++) assertTrue(idx[i] > idx[i - 1], "ascending, no duplicates");
        boolean spike = false;
        boolean dip = false;
        for (int i : idx) {
            spike |= i == 54_321;
            dip |= i == 12_345;
        }
        assertTrue(spike && dip, "the extremes are drawn");
    }

    @Test
    void pointSeriesKeepsEverythingAndShowsABoundedSeries() {
        PointSeries p = new PointSeries();
        for (int i = 0; i < 20_000; i++) p.add(i, i % 7);
        XYSeries shown = new XYSeries("s", false, true);
        shown.setNotify(false);
        int n = p.showIn(shown, 500);
        assertEquals(20_000, p.size());
        assertEquals(n, shown.getItemCount());
        assertTrue(n <= 500);
        assertEquals(19_999, shown.getMaxX(), 0);
        assertEquals(0, shown.getMinX(), 0);
    }
}
