package org.iibalance.config;

/**
 * Optimisation of the multimodal model.
 *
 * @param optimizer   {@code adam} (the paper) or {@code sgd} (momentum 0.9, as the peers)
 * @param lr          learning rate (the paper: 1e-4 with its ResNet encoders; ours train from scratch)
 * @param weightDecay L2 weight decay
 * @param epochs      T, the number of multimodal epochs (the paper: 50)
 * @param batchSize   clips per step (the paper: 32)
 * @param patience    stop after this many epochs without a better validation Acc_m (0: never)
 * @param logEvery    write a metrics row every this many steps
 */
public record TrainingConfig(String optimizer, double lr, double weightDecay, int epochs, int batchSize, int patience, int logEvery) {
    public static TrainingConfig defaults() {
        return new TrainingConfig("adam", 1e-3, 0, 10, 32, 0, 10);
    }
}
