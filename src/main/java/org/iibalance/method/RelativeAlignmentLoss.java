package org.iibalance.method;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.nn.Ops;

/**
 * Prototype-guided Relative Alignment (Sec. IV-B).
 *
 * <p>L_PRA^m = -(1/|B|) sum_i log [exp(z_m^(i) . P_y / tau_p) / sum_c exp(z_m^(i) . P_c / tau_p)]
 * (Eq. 4): a cross-entropy over the C anchor prototypes. With {@code cosine} the features and
 * prototypes are L2-normalised first (our default, see {@code method.normalizeFeatures}: raw dot
 * products of unnormalised ReLU features grow without bound and make tau_p meaningless).
 *
 * <p>The strength for a non-anchor modality is lambda_m = ReLU(beta_m* - beta_m) (Eq. 5).
 */
public final class RelativeAlignmentLoss {
    private RelativeAlignmentLoss() {}

    /** Eq. 4 for features z [B, d], prototypes P [C, d] and one-hot targets [B, C]. */
    public static Tensor loss(Tensor z, Tensor prototypes, Tensor target, double tauP, boolean cosine) {
        Tensor zz = cosine ? Ops.l2Normalize(z) : z;
        Tensor pp = cosine ? Ops.l2Normalize(prototypes) : prototypes;
        Tensor logits = zz.matmul(pp.t()).div(new Scalar(tauP));
        return Ops.crossEntropy(logits, target);
    }

    /** Eq. 5: lambda_m = ReLU(beta_anchor - beta_m), and 0 for the anchor itself. */
    public static double[] strengths(double[] prior, int anchor) {
        double[] l = new double[prior.length];
        for (int m = 0; m < prior.length; m++) l[m] = m == anchor ? 0 : Math.max(0, prior[anchor] - prior[m]);
        return l;
    }
}
