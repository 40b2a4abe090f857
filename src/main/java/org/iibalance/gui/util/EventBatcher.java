package org.iibalance.gui.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Hands items from producer threads (the training loop, sweep trials) to the FX thread in batches:
 * producers {@link #offer} into a lock-free queue, and a {@link Timeline} drains it every period
 * into one consumer call. So the FX thread gets one update per pulse, never one
 * {@code Platform.runLater} per training step.
 *
 * @param <T> the item type
 */
public final class EventBatcher<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> consumer;
    private Timeline timeline;

    /** A batcher delivering to {@code consumer}. */
    public EventBatcher(Consumer<List<T>> consumer) {
        this.consumer = consumer;
    }

    /** Adds an item (any thread). */
    public void offer(T item) {
        queue.offer(item);
    }

    /** Delivers what is queued now (call on the UI thread, or in tests). Returns the batch size. */
    public int drainNow() {
        List<T> batch = new ArrayList<>();
        for (T t; (t = queue.poll()) != null;) batch.add(t);
        if (!batch.isEmpty()) consumer.accept(batch);
        return batch.size();
    }

    /** Starts draining on the FX thread every {@code periodMillis} (FX thread only). */
    public void start(double periodMillis) {
        if (timeline != null) return;
        timeline = new Timeline(new KeyFrame(Duration.millis(periodMillis), e -> drainNow()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    /** Stops the timer (what is queued stays until the next drain). */
    public void stop() {
        if (timeline != null) timeline.stop();
        timeline = null;
    }

    /** Items waiting. */
    public int pending() {
        return queue.size();
    }
}
