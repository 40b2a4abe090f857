package org.iibalance.method;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.model.GatingNetwork;
import org.iibalance.nn.Ops;

/**
 * Uncertainty-aware Bayesian fusion (Sec. IV-C).
 * <ul>
 *   <li>u_m = H(p_m(.|x_m)), the normalised entropy of each unimodal prediction (Eq. 7);</li>
 *   <li>phi = [u_1..u_M ; Pool(z_1)..Pool(z_M)] with Pool a global average pooling of z_m to d_p
 *   values (Eq. 8);</li>
 *   <li>alpha_m = beta_m exp(-u_m) sigmoid(G_m(phi)) (Eq. 9);</li>
 *   <li>w_m = alpha_m / sum_k alpha_k and Z_fused = sum_m w_m z_m (Eq. 10).</li>
 * </ul>
 * u_m enters detached: it is a signal about the sample, and letting the fused loss push on it would
 * train the unimodal heads to be confident rather than right (the paper does not say; our choice).
 */
public final class UncertaintyGate {
    private UncertaintyGate() {}

    /**
     * The gate's outputs for a batch.
     *
     * @param uncertainty u [B, M]
     * @param scores      alpha [B, M]
     * @param weights     w [B, M], rows sum to one
     * @param fused       Z_fused [B, d]
     */
    public record Output(Tensor uncertainty, Tensor scores, Tensor weights, Tensor fused) {}

    /** Eq. 7: u [B, M] from the unimodal logits. */
    public static Tensor uncertainty(List<Tensor> unimodalLogits) {
        TensorVector us = new TensorVector();
        for (Tensor l : unimodalLogits) us.push_back(Ops.normalizedEntropy(Ops.softmax(l.detach())).unsqueeze(1));
        return torch.cat(us, 1);
    }

    /** Eq. 8: phi = [u ; Pool(z_1) .. Pool(z_M)]. */
    public static Tensor gateInput(Tensor u, List<Tensor> features, int poolDim) {
        TensorVector parts = new TensorVector();
        parts.push_back(u);
        for (Tensor z : features) parts.push_back(torch.adaptive_avg_pool1d(z.unsqueeze(1), poolDim).squeeze(1));
        return torch.cat(parts, 1);
    }

    /** Eq. 9-10 with a learned gate G. */
    public static Output fuse(List<Tensor> features, List<Tensor> unimodalLogits, Tensor prior, GatingNetwork gate, int poolDim) {
        Tensor u = uncertainty(unimodalLogits);
        Tensor phi = gateInput(u, features, poolDim);
        return combine(u, scores(prior, u, gate.forward(phi)), features);
    }

    /** Eq. 9: alpha_m = beta_m exp(-u_m) sigmoid(G_m(phi)), for u and gate logits [B, M]. */
    public static Tensor scores(Tensor prior, Tensor u, Tensor gateLogits) {
        return prior.unsqueeze(0).mul(torch.exp(u.neg())).mul(torch.sigmoid(gateLogits));
    }

    /** The "w/o Stage II" ablation: fixed weights w_m = beta_m for every sample (no gate, no u). */
    public static Output fixed(List<Tensor> features, List<Tensor> unimodalLogits, Tensor prior) {
        Tensor u = uncertainty(unimodalLogits);
        Tensor alpha = prior.unsqueeze(0).expand(new long[] {features.get(0).size(0), prior.size(0)}, false).contiguous();
        return combine(u, alpha, features);
    }

    /** Eq. 10: normalise alpha over modalities and form the convex combination of the z_m. */
    public static Output combine(Tensor u, Tensor alpha, List<Tensor> features) {
        Tensor w = alpha.div(alpha.sum(new long[] {1}, true, new ScalarTypeOptional()).clamp_min(new Scalar(1e-30)));
        Tensor fused = null;
        for (int m = 0; m < features.size(); m++) {
            Tensor term = features.get(m).mul(w.narrow(1, m, 1));
            fused = fused == null ? term : fused.add(term);
        }
        return new Output(u, alpha, w, fused);
    }

}
