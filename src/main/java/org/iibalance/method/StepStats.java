package org.iibalance.method;

/**
 * Plain numbers from one training step (never tensors).
 *
 * @param loss        the optimised objective L
 * @param lossStageI  L_I (NaN when the method has none)
 * @param lossStageII L_II (NaN when the method has none)
 * @param lambda      lambda(t) (NaN when the method has none)
 * @param meanWeights mean fusion weight per modality over the batch (null when the method has none)
 */
public record StepStats(double loss, double lossStageI, double lossStageII, double lambda, double[] meanWeights) {
    public static StepStats of(double loss) {
        return new StepStats(loss, Double.NaN, Double.NaN, Double.NaN, null);
    }
}
