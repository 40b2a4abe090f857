package org.iibalance.gui.training;

import org.iibalance.gui.util.PointSeries;
import org.iibalance.gui.util.Smoothing;
import org.jfree.data.xy.XYSeries;

/**
 * One loss curve: every raw point and its TensorBoard smoothing kept whole ({@link PointSeries}), and
 * two JFreeChart series that show a bounded number of them (the raw values drawn faint behind the
 * smoothed ones). The chart series are refilled only by {@link #show}, with notification off.
 */
final class LossSeries {
    /** Points drawn per series at most (min-max decimated beyond that). */
    static final int MAX_SHOWN = 1000;

    final XYSeries raw;
    final XYSeries smooth;
    private final PointSeries rawPoints = new PointSeries();
    private final PointSeries smoothPoints = new PointSeries();
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
        rawPoints.add(x, y);
        smoothPoints.add(x, smoothing.next(y));
    }

    /** Re-smooths every point with a new weight. */
    void setWeight(double w) {
        weight = w;
        smoothing = new Smoothing(w);
        for (int i = 0; i < rawPoints.size(); i++) smoothPoints.setY(i, smoothing.next(rawPoints.y(i)));
    }

    double weight() {
        return weight;
    }

    void clear() {
        rawPoints.clear();
        smoothPoints.clear();
        smoothing = new Smoothing(weight);
    }

    /** Number of points kept (all of them, not only those shown). */
    int size() {
        return rawPoints.size();
    }

    /** The whole raw curve. */
    PointSeries rawPoints() {
        return rawPoints;
    }

    /** The whole smoothed curve. */
    PointSeries smoothPoints() {
        return smoothPoints;
    }

    /** Refills both chart series (no events: the caller redraws the chart once). */
    void show() {
        rawPoints.showIn(raw, MAX_SHOWN);
        smoothPoints.showIn(smooth, MAX_SHOWN);
    }
}
