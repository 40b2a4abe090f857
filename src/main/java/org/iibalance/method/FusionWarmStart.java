package org.iibalance.method;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.model.FusionHead;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Linear;

/**
 * Starts the fused head f_fuse from the pre-trained unimodal heads f_m ({@code method.fusionWarmStart}).
 * <ul>
 *   <li>Concatenation: f_fuse(z) = sum_m W[:, slice_m] z_m + b; setting W[:, slice_m] = W_m and
 *   b = sum_m b_m makes the fused logits the sum of the unimodal logits (a product of the unimodal
 *   experts) at the start.</li>
 *   <li>Weighted sum (IIBalance, Eq. 10-11): f_fuse(sum_m w_m z_m) has one weight matrix for every
 *   modality's features; it starts as sum_m beta_m W_m, b = sum_m beta_m b_m, so that with a
 *   near one-hot prior it is the anchor's head.</li>
 * </ul>
 * The gating network G has no unimodal counterpart and keeps its initialisation.
 */
public final class FusionWarmStart {
    private FusionWarmStart() {}

    /**
     * Copies the heads into f_fuse.
     *
     * @param weights beta_m for weighted-sum fusion (ignored for concatenation; may be null there)
     */
    public static void apply(MultimodalNetwork net, double[] weights) {
        Linear fused = net.fusedHead();
        long d = net.featureDim();
        try (NoGradGuard g = new NoGradGuard()) {
            if (net.fusion() == FusionHead.CONCAT) {
                fused.bias().zero_();
                for (int m = 0; m < net.modalityCount(); m++) {
                    fused.weight().narrow(1, m * d, d).copy_(net.head(m).weight());
                    fused.bias().add_(net.head(m).bias());
                }
            } else {
                if (weights == null || weights.length != net.modalityCount()) throw new IllegalArgumentException("weighted-sum fusion needs one weight per modality");
                fused.weight().zero_();
                fused.bias().zero_();
                for (int m = 0; m < net.modalityCount(); m++) {
                    Tensor w = net.head(m).weight().mul(new Scalar(weights[m]));
                    fused.weight().add_(w);
                    fused.bias().add_(net.head(m).bias().mul(new Scalar(weights[m])));
                }
            }
        }
    }
}
