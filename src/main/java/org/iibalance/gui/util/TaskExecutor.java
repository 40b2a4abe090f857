package org.iibalance.gui.util;

/**
 * Runs background jobs and schedules work on the UI thread (JabRef style): an FX implementation
 * for the application, a synchronous one that makes view-model tests deterministic.
 */
public interface TaskExecutor {
    /** Starts the job; its callbacks come back on the UI thread. */
    <V> void execute(BackgroundJob<V> job);

    /** Runs {@code r} on the UI thread (at once when already there or when synchronous). */
    void runOnUi(Runnable r);

    /** Stops accepting work and interrupts what is running. */
    void shutdown();
}
