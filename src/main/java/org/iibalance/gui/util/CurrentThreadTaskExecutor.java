package org.iibalance.gui.util;

/**
 * Runs every job at once on the calling thread, callbacks included. Not for production: it makes
 * view-model code involving background work deterministic and testable without a screen.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <V> void execute(BackgroundJob<V> job) {
        V v;
        try {
            v = job.work().call(job.progressHandler());
        } catch (Exception | Error e) {
            job.failureHandler().accept(e);
            return;
        }
        job.succeed(v);
    }

    @Override
    public void runOnUi(Runnable r) {
        r.run();
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
