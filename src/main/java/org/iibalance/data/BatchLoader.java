package org.iibalance.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Assembles mini-batches on worker threads while the training thread uses the previous ones. A pass
 * over a list of clips cuts it into batches of {@code batchSize} (in that order); at most
 * {@code ahead} batches are being read or wait ready at any time (a bounded window, so memory stays
 * bounded whatever the dataset size); the consumer receives them in order. Each batch is a pure
 * function of its clips, so the result does not depend on the number of workers or on timing: a run
 * stays repeatable (the order itself is chosen by the caller, seeded). Reading a streamed clip
 * ({@link StreamedInputs}: the cache file, the 8-bit to float conversion, standardisation) happens on
 * the workers. If the consumer throws (cancel, divergence) the batches in flight are cancelled
 * before the exception leaves the pass. The time the consumer's thread spends waiting for a batch is
 * measured ({@link #lastPass()}).
 */
public final class BatchLoader implements AutoCloseable {
    /**
     * One batch on the host: per modality the clips' arrays laid end to end, the labels and the ids.
     *
     * @param inputs one flat array per modality, batch x size
     * @param labels class per clip
     * @param ids    clip ids
     */
    public record HostBatch(List<float[]> inputs, int[] labels, List<String> ids) {
        public int size() {
            return labels.length;
        }
    }

    /**
     * What the model sees of a clip's modality (e.g. some of its frames, {@link FrameSampler}, then
     * augmented); read on the workers. Must be a pure function of its arguments. It reads the clip
     * itself, so a view that needs only part of an array can read only that part.
     */
    @FunctionalInterface
    public interface View {
        /** The identity: the clip's array as it is. */
        View ALL = Clip::input;

        float[] read(Clip clip, int modality);
    }

    /** Receives the batches of a pass, in order, on the caller's thread. */
    @FunctionalInterface
    public interface Consumer {
        void accept(HostBatch batch) throws InterruptedException;
    }

    /**
     * Time accounting of a pass.
     *
     * @param batches     batches consumed
     * @param waitSeconds time the consumer's thread waited for a batch that was not ready
     * @param totalSeconds wall time of the pass
     */
    public record PassStats(int batches, double waitSeconds, double totalSeconds) {
        /** The share of the pass spent waiting for data (0 when the workers always kept ahead). */
        public double waitFraction() {
            return totalSeconds <= 0 ? 0 : waitSeconds / totalSeconds;
        }
    }

    private final List<ModalitySpec> modalities;
    private final int batchSize;
    private final int ahead;
    private final ExecutorService workers;
    private volatile PassStats last = new PassStats(0, 0, 0);

    /**
     * A loader with {@code workers} threads keeping up to {@code ahead} batches ready.
     *
     * @param modalities the arrays' shapes as the model sees them (after the {@link View})
     * @param batchSize  clips per batch
     * @param workers    worker threads (at least 1)
     * @param ahead      batches in flight or ready (at least 1)
     */
    public BatchLoader(List<ModalitySpec> modalities, int batchSize, int workers, int ahead) {
        if (batchSize < 1 || workers < 1 || ahead < 1) throw new IllegalArgumentException("batchSize, workers and ahead must be >= 1");
        this.modalities = List.copyOf(modalities);
        this.batchSize = batchSize;
        this.ahead = ahead;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(org.iibalance.run.RunLogRoute.propagate(r), "iibalance-batch-loader"); // its log lines go to the run's run.log
            t.setDaemon(true);
            return t;
        });
    }

    /** Batches of {@code clips} in that order, handed to {@code consumer} on this thread. */
    public void pass(List<Clip> clips, Consumer consumer) throws InterruptedException {
        pass(clips, View.ALL, consumer);
    }

    /** Batches of {@code clips} in that order, each clip's arrays seen through {@code view}, handed to {@code consumer} on this thread. */
    public void pass(List<Clip> clips, View view, Consumer consumer) throws InterruptedException {
        long start = System.nanoTime(), waited = 0;
        int n = (clips.size() + batchSize - 1) / batchSize, next = 0, done = 0;
        ArrayDeque<Future<HostBatch>> inFlight = new ArrayDeque<>();
        try {
            for (; next < Math.min(n, ahead); next++) inFlight.add(submit(clips, next, view));
            while (!inFlight.isEmpty()) {
                Future<HostBatch> f = inFlight.poll();
                long t0 = System.nanoTime();
                HostBatch b = get(f);
                waited += System.nanoTime() - t0;
                if (next < n) inFlight.add(submit(clips, next++, view)); // keep the window full while this batch trains
                consumer.accept(b);
                done++;
            }
        } finally {
            for (Future<HostBatch> f : inFlight) f.cancel(false); // not interrupting: an interrupted cache read would count as a broken entry
            last = new PassStats(done, waited / 1e9, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The time accounting of the last pass (finished or stopped). */
    public PassStats lastPass() {
        return last;
    }

    private Future<HostBatch> submit(List<Clip> clips, int index, View view) {
        List<Clip> part = clips.subList(index * batchSize, Math.min(clips.size(), (index + 1) * batchSize));
        return workers.submit(() -> assemble(part, view));
    }

    private static HostBatch get(Future<HostBatch> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } catch (CancellationException e) {
            throw new InterruptedException("batch loading cancelled");
        }
    }

    /** One batch of these clips (also used directly, without workers, for single batches). */
    public HostBatch assemble(List<Clip> part) {
        return assemble(part, View.ALL);
    }

    /** One batch of these clips seen through {@code view}. */
    public HostBatch assemble(List<Clip> part, View view) {
        int b = part.size();
        List<float[]> inputs = new ArrayList<>(modalities.size());
        for (int m = 0; m < modalities.size(); m++) {
            ModalitySpec spec = modalities.get(m);
            int size = spec.size();
            float[] flat = new float[b * size];
            for (int i = 0; i < b; i++) {
                float[] x = view.read(part.get(i), m);
                if (x.length != size) throw new IllegalStateException("clip " + part.get(i).id() + ": " + spec.name() + " has " + x.length + " values, expected " + size);
                System.arraycopy(x, 0, flat, i * size, size);
            }
            inputs.add(flat);
        }
        int[] labels = new int[b];
        List<String> ids = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            labels[i] = part.get(i).label();
            ids.add(part.get(i).id());
        }
        return new HostBatch(inputs, labels, ids);
    }

    /** Stops the workers (batches in flight are abandoned). */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
