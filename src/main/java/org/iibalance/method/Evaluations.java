package org.iibalance.method;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.nn.Ops;

/** Small evaluation loops that methods run themselves (the budget phase). */
final class Evaluations {
    private Evaluations() {}

    interface Logits {
        Tensor of(org.iibalance.model.Batch b);
    }

    /** Mean cross-entropy and accuracy of some logits over the validation split. */
    record Validation(double loss, double accuracy) {}

    /** Mean cross-entropy and accuracy of the given logits over the validation split. */
    static Validation validation(BatchSource data, Logits logits) throws InterruptedException {
        double[] loss = {0};
        int[] counts = new int[2];
        try (NoGradGuard g = new NoGradGuard()) {
            data.validation(b -> {
                Tensor l = logits.of(b);
                loss[0] += Ops.crossEntropy(l, b.target()).item_double() * b.size();
                counts[0] += Ops.correct(l, b.labels());
                counts[1] += b.size();
            });
        }
        return counts[1] == 0 ? new Validation(Double.NaN, 0) : new Validation(loss[0] / counts[1], (double) counts[0] / counts[1]);
    }

    /** Normalised entropies of the predictions over the training clips, in order (for Eq. 1). */
    static double[] trainEntropies(BatchSource data, Logits logits) throws InterruptedException {
        double[] out = new double[data.trainClips()];
        int[] pos = {0};
        try (NoGradGuard g = new NoGradGuard()) {
            data.trainInOrder(b -> {
                float[] h = org.iibalance.nn.Tensors.toFloats(Ops.normalizedEntropy(Ops.softmax(logits.of(b))));
                for (float v : h) out[pos[0]++] = v;
            });
        }
        return pos[0] == out.length ? out : java.util.Arrays.copyOf(out, pos[0]);
    }
}
