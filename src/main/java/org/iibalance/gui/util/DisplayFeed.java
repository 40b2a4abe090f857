package org.iibalance.gui.util;

/**
 * The link between a view-model's data and one chart: the view-model calls {@link #markDirty()}
 * whenever its data change (cheap, as often as it likes); the chart's owner calls
 * {@link #syncIfDirty()} when it chooses to redraw (see {@link ChartRefresher}), which copies the data
 * into the chart's dataset once for all the changes since the last time. FX thread only.
 */
public final class DisplayFeed {
    private final Runnable sync;
    private boolean dirty;

    /** A feed that brings a chart's dataset up to date with {@code sync}. */
    public DisplayFeed(Runnable sync) {
        this.sync = sync;
    }

    /** Records that the data changed since the chart was last brought up to date. */
    public void markDirty() {
        dirty = true;
    }

    /** Whether the chart is behind its data. */
    public boolean dirty() {
        return dirty;
    }

    /** Brings the chart's dataset up to date if it is behind; returns whether it was. */
    public boolean syncIfDirty() {
        if (!dirty) return false;
        dirty = false;
        sync.run();
        return true;
    }
}
