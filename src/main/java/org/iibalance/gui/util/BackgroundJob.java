package org.iibalance.gui.util;

import java.util.function.Consumer;

/**
 * A piece of background work with its callbacks. The callbacks run on the UI thread when an
 * {@link FxTaskExecutor} runs the job, and on the calling thread with a {@link CurrentThreadTaskExecutor}.
 * Nothing is swallowed: an {@link Error} thrown by the work (an {@code OutOfMemoryError}, a missing
 * native library) reaches the failure callback like an exception, and so does anything the success
 * callback throws ({@link #succeed}), so that a view never stays on "loading..." after a failure.
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

    /**
     * Hands {@code v} to the success callback; if that throws (an exception or an {@link Error}), the
     * failure callback gets it instead (executors call this, never {@link #successHandler} directly).
     */
    public void succeed(V v) {
        try {
            onSuccess.accept(v);
        } catch (RuntimeException | Error t) {
            onFailure.accept(t);
        }
    }

    /**
     * A failure in words for a status line: the message, or the kind of failure when it has none
     * ({@code StackOverflowError}, {@code NullPointerException}), with the cause's message when the
     * throwable only wraps one.
     */
    public static String describe(Throwable t) {
        if (t == null) return "unknown failure";
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null || c.getMessage().equals(c.getCause().toString()))) {
            c = c.getCause();
        }
        String m = c.getMessage();
        boolean plain = c instanceof Exception && !(c instanceof RuntimeException) || c instanceof IllegalArgumentException
                || c instanceof IllegalStateException || c instanceof java.io.UncheckedIOException;
        if (m == null || m.isBlank()) return c.getClass().getSimpleName();
        return plain ? m : c.getClass().getSimpleName() + ": " + m;
    }

    /** The progress callback. */
    public Consumer<String> progressHandler() {
        return onProgress;
    }
}
