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
 * @param divergenceFactor a step loss above this factor times max(1, the first step loss of its phase) is a divergence
 */
public record TrainingConfig(
        @ConfigDoc(value = "optimiser: adam (the paper) or sgd (momentum 0.9, as the peers)", allowed = {"adam", "sgd"})
        String optimizer,
        @ConfigDoc(value = "learning rate (the paper: 1e-4 with its ResNet encoders; ours train from scratch)", min = 0, minExclusive = true)
        double lr,
        @ConfigDoc(value = "L2 weight decay", min = 0)
        double weightDecay,
        @ConfigDoc(value = "T, the number of multimodal epochs (the paper: 50)", min = 1)
        int epochs,
        @ConfigDoc(value = "clips per step (the paper: 32)", min = 2)
        int batchSize,
        @ConfigDoc(value = "stop after this many epochs without a better validation Acc_m (0: never)", min = 0)
        int patience,
        @ConfigDoc(value = "write a metrics row every this many steps", min = 1)
        int logEvery,
        @ConfigDoc(value = "divergence rule: the run stops as diverged when a step's loss exceeds this factor times max(1, the first step's loss of its phase: "
                + "budget models, unimodal pre-training, multimodal training) "
                + "(a non-finite loss always stops it; 1e300 switches the explosion rule off)", min = 1, minExclusive = true)
        double divergenceFactor) {
    public static TrainingConfig defaults() {
        return new TrainingConfig("adam", 1e-3, 0, 10, 32, 0, 10, 100);
    }
}
