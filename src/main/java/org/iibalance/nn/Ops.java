package org.iibalance.nn;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Small differentiable building blocks shared by the models and the methods' losses. */
public final class Ops {
    static {
        Engine.load();
    }

    private Ops() {}

    /** log softmax over the class dimension (1). */
    public static Tensor logSoftmax(Tensor logits) {
        return torch.log_softmax(logits, 1);
    }

    /** softmax over the class dimension (1). */
    public static Tensor softmax(Tensor logits) {
        return torch.softmax(logits, 1, new ScalarTypeOptional());
    }

    /** One-hot rows [B, C] of the labels, as floats on the labels' device. */
    public static Tensor oneHot(int[] labels, int classes, org.bytedeco.pytorch.Device device, torch.ScalarType type) {
        float[] oh = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) oh[i * classes + labels[i]] = 1f;
        Tensor t = Tensor.create(oh, labels.length, classes);
        return t.to(device, type);
    }

    /** Per-sample cross-entropy [B] of logits [B, C] against one-hot targets [B, C]. */
    public static Tensor crossEntropyPerSample(Tensor logits, Tensor oneHot) {
        return logSoftmax(logits).mul(oneHot).sum(new long[] {1}, false, new ScalarTypeOptional()).neg();
    }

    /** Mean cross-entropy of logits [B, C] against one-hot targets. */
    public static Tensor crossEntropy(Tensor logits, Tensor oneHot) {
        return crossEntropyPerSample(logits, oneHot).mean();
    }

    /**
     * Normalised Shannon entropy H(p) = -(1/log C) sum_c p_c log p_c in [0, 1] of each row of
     * probabilities [B, C] (Sec. III-B; used by Eq. 1 and Eq. 7). 0 log 0 is taken as 0.
     */
    public static Tensor normalizedEntropy(Tensor probs) {
        long c = probs.size(1);
        Tensor plogp = probs.mul(torch.log(probs.clamp_min(new Scalar(1e-12))));
        return plogp.sum(new long[] {1}, false, new ScalarTypeOptional()).neg().div(new Scalar(Math.log(c)));
    }

    /**
     * Rows divided by their L2 norm (rows of zeros stay zero). The squared norm is clamped before the
     * square root, not the norm after it: sqrt'(0) is infinite, and clamp's zero gradient times an
     * infinite one is NaN, so a row of dead ReLU features made every weight NaN in one step. The
     * forward values are the same (max(sqrt(s), 1e-8) = sqrt(max(s, 1e-16))).
     */
    public static Tensor l2Normalize(Tensor x) {
        Tensor n = x.mul(x).sum(new long[] {1}, true, new ScalarTypeOptional()).clamp_min(new Scalar(1e-16)).sqrt();
        return x.div(n);
    }

    /** Accuracy of logits [B, C] against labels, as a count of correct rows. */
    public static int correct(Tensor logits, int[] labels) {
        long[] pred = Tensors.toLongs(logits.argmax(new org.bytedeco.pytorch.LongOptional(1), false));
        int n = 0;
        for (int i = 0; i < labels.length; i++) if (pred[i] == labels[i]) n++;
        return n;
    }
}
