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
 * and they catch up within one period of being shown.
 */
public final class ChartRefresher {
    private record Entry(Node node, DisplayFeed feed, Runnable redraw) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Timeline timeline;
    private long redraws;

    /** A refresher ticking every {@code periodMillis} once {@link #start()}ed. */
    public ChartRefresher(double periodMillis) {
        timeline = new Timeline(new KeyFrame(Duration.millis(periodMillis), e -> refreshShowing()));
        timeline.setCycleCount(Timeline.INDEFINITE);
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
        for (Entry e : entries) {
            if (e.feed().dirty() && showing(e.node()) && e.feed().syncIfDirty()) {
                if (e.redraw() != null) e.redraw().run();
                n++;
            }
        }
        redraws += n;
        return n;
    }

    /** Redraws since start (for the benchmark). */
    public long redraws() {
        return redraws;
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
