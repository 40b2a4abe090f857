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

    /** Accuracy of the given logits over the validation split. */
    static double validationAccuracy(BatchSource data, Logits logits) throws InterruptedException {
        int[] counts = new int[2];
        try (NoGradGuard g = new NoGradGuard()) {
            data.validation(b -> {
                counts[0] += Ops.correct(logits.of(b), b.labels());
                counts[1] += b.size();
            });
        }
        return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
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
