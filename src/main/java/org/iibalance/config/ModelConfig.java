package org.iibalance.config;

/**
 * Encoder sizes. Both encoders end in a {@code featureDim}-dimensional vector z_m (the paper's d), so
 * that anchor prototypes and every modality's features share one space (Eq. 3-4) and can be fused as
 * a convex combination (Eq. 10).
 *
 * @param featureDim d, the size of every z_m
 * @param channels   width of the first convolution of each encoder (doubled once after)
 * @param gateHidden hidden units of the gating network G
 * @param poolDim    d_p, the size of Pool(z_m) fed to the gate (Eq. 8)
 */
public record ModelConfig(int featureDim, int channels, int gateHidden, int poolDim) {
    public static ModelConfig defaults() {
        return new ModelConfig(64, 16, 32, 8);
    }
}
