package org.iibalance.experiment;

import java.util.List;

/**
 * Accuracies and per-clip outputs of a method on one split.
 *
 * @param accuracy         Acc_m, the fused prediction's accuracy
 * @param modalityAccuracy accuracy of each modality's head (NaN where the method gives none)
 * @param weightMean       mean fusion weight per modality (null when the method has none)
 * @param clips            one row per clip
 */
public record Evaluation(double accuracy, double[] modalityAccuracy, double[] weightMean, List<ClipOutput> clips) {

    /** The mean cross-entropy of the fused prediction, -log p(y), over the clips (probabilities floored at 1e-12). */
    public double loss() {
        double s = 0;
        for (ClipOutput c : clips) s -= Math.log(Math.max(1e-12, c.fusedProbs()[c.label()]));
        return clips.isEmpty() ? Double.NaN : s / clips.size();
    }

    /**
     * One clip's outputs.
     *
     * @param weights     fusion weight per modality (null when none)
     * @param uncertainty u_m per modality (null when none)
     * @param fusedProbs  class probabilities of the fused prediction
     * @param modalityProbs class probabilities of each head (null entries where none)
     */
    public record ClipOutput(String id, int label, int prediction, int[] modalityPredictions, double[] weights, double[] uncertainty,
            float[] fusedProbs, float[][] modalityProbs) {
        public boolean correct() {
            return label == prediction;
        }
    }
}
