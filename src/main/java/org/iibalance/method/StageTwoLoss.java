package org.iibalance.method;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.nn.Ops;

/**
 * The Stage II objective (Eq. 11): L_II = (1/|B|) sum_i CE(f_fuse(Z_fused^(i)), y^(i))
 * + gamma (1/|B|) sum_i sum_m w_m^(i) CE(f_m(z_m^(i)), y^(i)).
 */
public final class StageTwoLoss {
    private StageTwoLoss() {}

    /**
     * @param fusedLogits    f_fuse(Z_fused) [B, C]
     * @param unimodalLogits f_m(z_m) per modality
     * @param weights        w [B, M] (Eq. 10)
     * @param target         one-hot labels [B, C]
     */
    public static Tensor loss(Tensor fusedLogits, List<Tensor> unimodalLogits, Tensor weights, Tensor target, double gamma) {
        Tensor total = Ops.crossEntropy(fusedLogits, target);
        if (gamma == 0) return total;
        Tensor aux = null;
        for (int m = 0; m < unimodalLogits.size(); m++) {
            Tensor weighted = Ops.crossEntropyPerSample(unimodalLogits.get(m), target).mul(weights.select(1, m));
            aux = aux == null ? weighted : aux.add(weighted);
        }
        return total.add(aux.mean().mul(new Scalar(gamma)));
    }
}
