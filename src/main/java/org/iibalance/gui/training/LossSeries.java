package org.iibalance.gui.training;

import java.util.ArrayList;
import java.util.List;
import org.iibalance.gui.util.Smoothing;
import org.jfree.data.xy.XYSeries;

/**
 * One loss curve in two JFreeChart series: the raw values (drawn faint) and their TensorBoard
 * smoothing. Points are added in batches with notification off; {@link #fire()} redraws once.
 */
final class LossSeries {
    final XYSeries raw;
    final XYSeries smooth;
    private final List<double[]> points = new ArrayList<>();
    private Smoothing smoothing;
    private double weight;

    LossSeries(String name, double weight) {
        raw = new XYSeries(name + " (raw)", false, true);
        smooth = new XYSeries(name, false, true);
        raw.setNotify(false);
        smooth.setNotify(false);
        setWeight(weight);
    }

    void add(double x, double y) {
        if (!Double.isFinite(y)) return;
        points.add(new double[] {x, y});
        raw.add(x, y, false);
        smooth.add(x, smoothing.next(y), false);
    }

    /** Re-smooths every point with a new weight. */
    void setWeight(double w) {
        weight = w;
        smoothing = new Smoothing(w);
        smooth.clear();
        for (double[] p : points) smooth.add(p[0], smoothing.next(p[1]), false);
    }

    double weight() {
        return weight;
    }

    void clear() {
        points.clear();
        raw.clear();
        smoothing = new Smoothing(weight);
        smooth.clear();
    }

    /** Sends one change event per series (notification stays off between batches). */
    void fire() {
        // XYSeries.fireSeriesChanged() is silent while notify is off: switch it on (which fires) and off again
        raw.setNotify(true);
        raw.setNotify(false);
        smooth.setNotify(true);
        smooth.setNotify(false);
    }
}
