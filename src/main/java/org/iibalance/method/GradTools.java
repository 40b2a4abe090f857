package org.iibalance.method;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRefOptional;
import org.bytedeco.pytorch.TensorVector;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.NetModule;
import org.iibalance.nn.Tensors;

/**
 * Thin gradient plumbing shared by the baselines: flat copies of a module's gradients as Java
 * arrays (so that the rules are plain functions on doubles), and update scaling.
 *
 * <p><b>Update scaling.</b> The gradient-modulation baselines (OGM-GE, AGM, MSLR, GGDM, Greedy's
 * frozen branch) state their rule as theta &lt;- theta - eta k_m g for encoder m. With SGD that is
 * the same as scaling the gradient; with Adam (our default optimiser) a scaled gradient is
 * normalised away by the second-moment estimate, so the rule would do almost nothing. We therefore
 * apply k_m to the <i>update</i> of encoder m: copy its parameters before {@code optimizer.step()},
 * then set theta = theta_before + k_m (theta_after - theta_before). For SGD this equals the papers'
 * gradient scaling exactly; for Adam it is the papers' intent (a per-modality step size).
 */
final class GradTools {
    private GradTools() {}

    static List<Tensor> params(NetModule m) {
        TensorVector v = m.trainable();
        List<Tensor> out = new ArrayList<>((int) v.size());
        for (long i = 0; i < v.size(); i++) out.add(v.get(i));
        return out;
    }

    /** Backward of {@code loss} keeping the graph for a second backward. */
    static void backwardRetain(Tensor loss) {
        loss.backward(new Tensor(), new BoolOptional(true), false, new TensorArrayRefOptional());
    }

    /** The module's gradients, flattened in parameter order (0 where a gradient is undefined). */
    static double[] flatGrad(NetModule m) {
        List<Tensor> ps = params(m);
        long n = 0;
        for (Tensor p : ps) n += p.numel();
        double[] out = new double[(int) n];
        int pos = 0;
        for (Tensor p : ps) {
            Tensor g = p.grad();
            int len = (int) p.numel();
            if (g != null && g.defined()) {
                float[] f = Tensors.toFloats(g);
                for (int i = 0; i < len; i++) out[pos + i] = f[i];
            }
            pos += len;
        }
        return out;
    }

    /** Writes a flat gradient (as from {@link #flatGrad}) back into the module's gradients. */
    static void setFlatGrad(NetModule m, double[] flat) {
        int pos = 0;
        try (NoGradGuard ng = new NoGradGuard()) {
            for (Tensor p : params(m)) {
                int len = (int) p.numel();
                float[] f = new float[len];
                for (int i = 0; i < len; i++) f[i] = (float) flat[pos + i];
                Tensor g = p.grad();
                Tensor v = Tensors.floats(f, p.device(), shape(p));
                if (g != null && g.defined()) g.copy_(v);
                else p.mutable_grad().put(v);
                pos += len;
            }
        }
    }

    /** Sets the module's gradients to zero. */
    static void zeroGrad(NetModule m) {
        try (NoGradGuard ng = new NoGradGuard()) {
            for (Tensor p : params(m)) {
                Tensor g = p.grad();
                if (g != null && g.defined()) g.zero_();
            }
        }
    }

    /** sum over parameters of ||grad||^2 and of ||theta||^2: {gradSq, paramSq}. */
    static double[] squaredNorms(NetModule m) {
        double gs = 0, ps = 0;
        try (NoGradGuard ng = new NoGradGuard()) {
            for (Tensor p : params(m)) {
                ps += p.pow(new Scalar(2)).sum().item_double();
                Tensor g = p.grad();
                if (g != null && g.defined()) gs += g.pow(new Scalar(2)).sum().item_double();
            }
        }
        return new double[] {gs, ps};
    }

    /** Scales the optimiser's update of each encoder m by k[m] (see the class comment). */
    static final class UpdateScale {
        private final List<Tensor> params = new ArrayList<>();
        private final List<Tensor> before = new ArrayList<>();
        private final List<Double> ks = new ArrayList<>();

        /** Call before {@code optimizer.step()}; encoders with k[m] == 1 are left alone. */
        UpdateScale(MultimodalNetwork net, double[] k) {
            try (NoGradGuard ng = new NoGradGuard()) {
                for (int m = 0; m < k.length; m++) {
                    if (k[m] == 1.0) continue;
                    for (Tensor p : params(net.encoder(m))) {
                        params.add(p);
                        before.add(p.detach().clone());
                        ks.add(k[m]);
                    }
                }
            }
        }

        /** Call after {@code optimizer.step()}: theta = before + k (theta - before). */
        void apply() {
            try (NoGradGuard ng = new NoGradGuard()) {
                for (int i = 0; i < params.size(); i++) {
                    Tensor p = params.get(i);
                    p.sub_(before.get(i)).mul_(new Scalar(ks.get(i))).add_(before.get(i));
                }
            }
        }
    }

    static long[] shape(Tensor t) {
        long[] s = new long[(int) t.dim()];
        for (int i = 0; i < s.length; i++) s[i] = t.size(i);
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
