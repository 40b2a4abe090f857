package org.iibalance.method;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.Tensors;

/**
 * Class prototypes P_c of the anchor modality, updated online by an exponential moving average
 * (Eq. 3): P_c <- rho P_c + (1 - rho) Mean{z_m*^(i) : i in B_c}, for each class c present in the batch.
 *
 * <p>A prototype that has never been seen is set to its first batch mean instead of being mixed
 * with zeros (the paper does not say how P starts; starting from zero would shrink early prototypes by
 * rho^k). Features enter detached: prototypes are targets, not trained.
 */
public final class AnchorPrototypes {
    private final int classes;
    private final long dim;
    private final double rho;
    private final boolean[] seen;
    private final float[] values; // [C * d], kept on the Java side: C and d are small

    public AnchorPrototypes(int classes, long dim, double rho) {
        if (rho < 0 || rho >= 1) throw new IllegalArgumentException("rho must be in [0, 1)");
        this.classes = classes;
        this.dim = dim;
        this.rho = rho;
        this.seen = new boolean[classes];
        this.values = new float[(int) (classes * dim)];
    }

    /** Eq. 3 with the anchor's features z [B, d] of a batch with the given labels. */
    public void update(Tensor anchorFeatures, int[] labels) {
        float[] z;
        try (NoGradGuard g = new NoGradGuard()) {
            z = Tensors.toFloats(anchorFeatures);
        }
        int d = (int) dim;
        double[] sum = new double[classes * d];
        int[] count = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            count[labels[i]]++;
            for (int k = 0; k < d; k++) sum[labels[i] * d + k] += z[i * d + k];
        }
        for (int c = 0; c < classes; c++) {
            if (count[c] == 0) continue;
            double keep = seen[c] ? rho : 0.0;
            for (int k = 0; k < d; k++) {
                double mean = sum[c * d + k] / count[c];
                values[c * d + k] = (float) (keep * values[c * d + k] + (1 - keep) * mean);
            }
            seen[c] = true;
        }
    }

    /** P as a [C, d] tensor on {@code device} (classes never seen are zero rows). */
    public Tensor tensor(org.bytedeco.pytorch.Device device, torch.ScalarType type) {
        return Tensors.floats(values, null, classes, dim).to(device, type);
    }

    public boolean seen(int c) {
        return seen[c];
    }

    /** A copy of the prototype values, row-major [C][d]. */
    public float[] values() {
        return values.clone();
    }

    /** Restores values (e.g. from a checkpoint). */
    public void restore(float[] v, boolean[] seenFlags) {
        System.arraycopy(v, 0, values, 0, values.length);
        System.arraycopy(seenFlags, 0, seen, 0, seen.length);
    }

    public boolean[] seenFlags() {
        return seen.clone();
    }

    public int classes() {
        return classes;
    }

    public long dim() {
        return dim;
    }
}
