package org.iibalance.method;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Linear;

/**
 * Concatenation fusion and the OGM-GE protocol for unimodal accuracy of a model without unimodal
 * heads: f_m(z_m) = z_m W[:, slice_m]^T + b / M, the slice of the fused linear classifier that
 * reads modality m.
 */
public final class ConcatSlices {
    public static final String PROTOCOL = "slice of the fused linear classifier: z_m W[:, slice_m]^T + b/M (OGM-GE)";

    private ConcatSlices() {}

    /** f_fuse([z_1; ...; z_M]). */
    public static Tensor fusedLogits(MultimodalNetwork net, List<Tensor> z) {
        TensorVector parts = new TensorVector();
        for (Tensor t : z) parts.push_back(t);
        return net.fusedHead().forward(torch.cat(parts, 1));
    }

    /** The per-modality logits from the slices of the fused classifier. */
    public static List<Tensor> sliceLogits(MultimodalNetwork net, List<Tensor> z) {
        Linear f = net.fusedHead();
        long d = net.featureDim();
        int mCount = z.size();
        List<Tensor> out = new ArrayList<>(mCount);
        for (int m = 0; m < mCount; m++) {
            Tensor w = f.weight().narrow(1, m * d, d);
            Tensor b = f.bias().div(new Scalar(mCount));
            out.add(torch.linear(z.get(m), w, new TensorOptional(b)));
        }
        return out;
    }
}
