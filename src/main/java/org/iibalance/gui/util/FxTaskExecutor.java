package org.iibalance.gui.util;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs jobs as {@link javafx.concurrent.Task}s on daemon threads; success, failure and progress
 * callbacks come back on the FX thread (progress lines through {@code updateMessage}, which JavaFX
 * coalesces, so a chatty loader cannot flood the FX thread). A work's {@link Error} and a throwing
 * success callback both reach the failure callback ({@link BackgroundJob#succeed}).
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FxTaskExecutor.class);
    private final ExecutorService pool;

    /** An executor with a cached pool of daemon threads. */
    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workbench-bg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <V> void execute(BackgroundJob<V> job) {
        Task<V> task = new Task<>() {
            @Override
            protected V call() throws Exception {
                return job.work().call(this::updateMessage);
            }
        };
        task.messageProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) job.progressHandler().accept(b);
        });
        task.setOnSucceeded(e -> job.succeed(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof Error) LOG.error("background work failed", t); // an Error is a bug or a broken installation: keep its trace
            job.failureHandler().accept(t);
        });
        pool.execute(task);
    }

    @Override
    public void runOnUi(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
