package org.iibalance.gui.util;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Redraws charts lazily: every period (e.g. 150 ms) it brings up to date each registered chart whose
 * {@link DisplayFeed} is dirty <em>and</em> whose node is on screen (its window showing, it and all
 * its ancestors visible: a tab that is not selected hides its content). So a chart redraws at most
 * once per period however many events arrive, charts of hidden tabs cost nothing while training runs,
 * and they catch up within one period of being shown. While the machine is busy training
 * ({@link #setBusy}) the period is stretched to the busy period (e.g. 1 s): on 2 cores every chart
 * repaint on the FX thread and its software rasterisation take CPU from libtorch's threads, and a
 * curve that grows once a second reads as well as one that grows six times a second.
 */
public final class ChartRefresher {
    private record Entry(Node node, DisplayFeed feed, Runnable redraw) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Timeline timeline;
    private final double periodMillis;
    private final double busyPeriodMillis;
    private long redraws;
    private long redrawNanos;

    /** A refresher ticking every {@code periodMillis} once {@link #start()}ed, also while busy. */
    public ChartRefresher(double periodMillis) {
        this(periodMillis, periodMillis);
    }

    /** A refresher ticking every {@code periodMillis}, and every {@code busyPeriodMillis} while {@link #setBusy busy}. */
    public ChartRefresher(double periodMillis, double busyPeriodMillis) {
        this.periodMillis = periodMillis;
        this.busyPeriodMillis = busyPeriodMillis;
        timeline = new Timeline(new KeyFrame(Duration.millis(periodMillis), e -> refreshShowing()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    /** Ticks at the busy period (a run or sweep is training) or at the normal one (FX thread). */
    public void setBusy(boolean busy) {
        timeline.setRate(busy ? periodMillis / busyPeriodMillis : 1.0);
    }

    /**
     * Registers a chart: when {@code feed} is dirty and {@code node} is showing, the feed is synced and
     * {@code redraw} (may be null when the sync redraws by itself) is run.
     */
    public void add(Node node, DisplayFeed feed, Runnable redraw) {
        entries.add(new Entry(node, feed, redraw));
    }

    /** Starts ticking (FX thread). */
    public void start() {
        timeline.play();
    }

    /** Stops ticking. */
    public void stop() {
        timeline.stop();
    }

    /** Brings the showing charts up to date now; returns how many were redrawn. */
    public int refreshShowing() {
        int n = 0;
        long t0 = System.nanoTime();
        for (Entry e : entries) {
            if (e.feed().dirty() && showing(e.node()) && e.feed().syncIfDirty()) {
                if (e.redraw() != null) e.redraw().run();
                n++;
            }
        }
        if (n > 0) redrawNanos += System.nanoTime() - t0;
        redraws += n;
        return n;
    }

    /** Redraws since start (for the benchmark). */
    public long redraws() {
        return redraws;
    }

    /** Seconds the FX thread spent in redraws since start (syncing datasets and JFreeChart drawing; for the benchmark). */
    public double redrawSeconds() {
        return redrawNanos / 1e9;
    }

    /** Whether {@code node} is on screen: in a showing window, and it and every ancestor visible. */
    public static boolean showing(Node node) {
        Scene s = node.getScene();
        if (s == null || s.getWindow() == null || !s.getWindow().isShowing()) return false;
        for (Node p = node; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }
}
