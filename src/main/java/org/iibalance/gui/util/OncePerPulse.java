package org.iibalance.gui.util;

import javafx.application.Platform;

/**
 * Coalesces requests made on the FX thread into one run of an action, after the requests of the
 * current pulse: a burst (a filter re-adding every row, a window drag's width changes) costs one run.
 */
public final class OncePerPulse implements Runnable {
    private final Runnable action;
    private boolean pending;

    private OncePerPulse(Runnable action) {
        this.action = action;
    }

    /** A request that runs {@code action} once, later on the FX thread, however often it is made before then. */
    public static OncePerPulse of(Runnable action) {
        return new OncePerPulse(action);
    }

    /** Requests the action (FX thread). */
    @Override
    public void run() {
        if (pending) return;
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            action.run();
        });
    }
}
