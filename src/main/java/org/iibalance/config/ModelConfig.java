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
public record ModelConfig(
        @ConfigDoc(value = "d, the size of every modality's feature vector z_m", min = 2)
        int featureDim,
        @ConfigDoc(value = "width of the first convolution of each encoder (doubled once after)", min = 1)
        int channels,
        @ConfigDoc(value = "hidden units of the gating network G (Eq. 9)", min = 1)
        int gateHidden,
        @ConfigDoc(value = "d_p, the size of Pool(z_m) fed to the gate (Eq. 8)", min = 1, range = "<= model.featureDim")
        int poolDim) {
    public static ModelConfig defaults() {
        return new ModelConfig(64, 16, 32, 8);
    }
}
