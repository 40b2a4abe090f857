package org.iibalance.method;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.nn.Ops;

/**
 * The Stage I objective (Eq. 6): L_I = (1/|B|) sum_i sum_m CE(f_m(z_m^(i)), y^(i)) + sum_{m != m*}
 * lambda_m L_PRA^m.
 */
public final class StageOneLoss {
    private StageOneLoss() {}

    /**
     * @param unimodalLogits f_m(z_m) per modality
     * @param features       z_m per modality
     * @param prototypes     anchor prototypes [C, d]; null disables the alignment term (w/o Stage I)
     * @param strengths      lambda_m per modality (Eq. 5)
     */
    public static Tensor loss(List<Tensor> unimodalLogits, List<Tensor> features, Tensor target, Tensor prototypes,
            double[] strengths, double tauP, boolean cosine) {
        Tensor total = null;
        for (Tensor logits : unimodalLogits) {
            Tensor ce = Ops.crossEntropy(logits, target);
            total = total == null ? ce : total.add(ce);
        }
        if (prototypes != null) {
            for (int m = 0; m < features.size(); m++) {
                if (strengths[m] <= 0) continue;
                Tensor pra = RelativeAlignmentLoss.loss(features.get(m), prototypes, target, tauP, cosine);
                total = total.add(pra.mul(new Scalar(strengths[m])));
            }
        }
        return total;
    }
}
