package org.iibalance.experiment;

import org.iibalance.method.StepStats;

/** Running sums of one epoch's training steps: losses, lambda, mean fusion weights. */
final class EpochTotals {
    private final double[] weightSum;
    private double loss;
    private double lossStageI;
    private double lossStageII;
    private double lambda = Double.NaN;
    private boolean hasWeights;
    private int steps;

    EpochTotals(int modalities) {
        weightSum = new double[modalities];
    }

    void add(StepStats s) {
        steps++;
        loss += s.loss();
        lossStageI += s.lossStageI();
        lossStageII += s.lossStageII();
        lambda = s.lambda();
        if (s.meanWeights() != null) {
            hasWeights = true;
            for (int m = 0; m < weightSum.length; m++) weightSum[m] += s.meanWeights()[m];
        }
    }

    int steps() {
        return steps;
    }

    double loss() {
        return loss / Math.max(1, steps);
    }

    double lossStageI() {
        return lossStageI / Math.max(1, steps);
    }

    double lossStageII() {
        return lossStageII / Math.max(1, steps);
    }

    /** lambda(t) of the epoch (NaN when the method has none). */
    double lambda() {
        return lambda;
    }

    /** Mean fusion weight per modality over the epoch's steps, or null. */
    double[] weights() {
        if (!hasWeights) return null;
        double[] w = new double[weightSum.length];
        for (int m = 0; m < w.length; m++) w[m] = weightSum[m] / Math.max(1, steps);
        return w;
    }
}
