package org.iibalance.gui.util;

import java.util.function.Consumer;

/**
 * A piece of background work with its callbacks. The callbacks run on the UI thread when an
 * {@link FxTaskExecutor} runs the job, and on the calling thread with a {@link CurrentThreadTaskExecutor}.
 *
 * @param <V> the result type
 */
public final class BackgroundJob<V> {
    /** The work: gets a progress sink (message lines) and returns the result. */
    @FunctionalInterface
    public interface Work<V> {
        /** Does the work, reporting progress lines to {@code progress}. */
        V call(Consumer<String> progress) throws Exception;
    }

    private final Work<V> work;
    private Consumer<V> onSuccess = v -> {};
    private Consumer<Throwable> onFailure = t -> {};
    private Consumer<String> onProgress = s -> {};

    private BackgroundJob(Work<V> work) {
        this.work = work;
    }

    /** A job doing {@code work}. */
    public static <V> BackgroundJob<V> of(Work<V> work) {
        return new BackgroundJob<>(work);
    }

    /** Called with the result (UI thread). */
    public BackgroundJob<V> onSuccess(Consumer<V> c) {
        onSuccess = c;
        return this;
    }

    /** Called with the failure (UI thread). */
    public BackgroundJob<V> onFailure(Consumer<Throwable> c) {
        onFailure = c;
        return this;
    }

    /** Called with progress lines (UI thread; an FX executor may coalesce them). */
    public BackgroundJob<V> onProgress(Consumer<String> c) {
        onProgress = c;
        return this;
    }

    /** The work itself. */
    public Work<V> work() {
        return work;
    }

    /** The success callback. */
    public Consumer<V> successHandler() {
        return onSuccess;
    }

    /** The failure callback. */
    public Consumer<Throwable> failureHandler() {
        return onFailure;
    }

    /** The progress callback. */
    public Consumer<String> progressHandler() {
        return onProgress;
    }
}
