package org.iibalance.experiment;

/** Cooperative cancellation, checked by the loop before every batch. */
public final class CancellationToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link InterruptedException} once cancelled. */
    public void check() throws InterruptedException {
        if (cancelled) throw new InterruptedException("cancelled");
    }
}
