package org.iibalance.method;

import org.iibalance.model.Batch;

/**
 * Mini-batches of a split, handed one at a time to a consumer inside a native-memory scope (every
 * tensor made for or from the batch is freed when the consumer returns).
 */
public interface BatchSource {
    /** Consumes one batch; may throw {@link InterruptedException} to stop (cancel). */
    @FunctionalInterface
    interface BatchConsumer {
        void accept(Batch batch) throws InterruptedException;
    }

    /** The training split, shuffled by the seed and the epoch number (so a resumed run sees the same order). */
    void train(int epoch, BatchConsumer consumer) throws InterruptedException;

    /** The training split in a fixed order, for estimates over the training clips (Eq. 1). */
    void trainInOrder(BatchConsumer consumer) throws InterruptedException;

    /** The validation split, in order. */
    void validation(BatchConsumer consumer) throws InterruptedException;

    /** Number of training batches per epoch. */
    int trainBatches();

    /** Number of training clips. */
    int trainClips();
}
