package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.Function;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.NativeScope;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Tensors;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the custom losses (autograd through our code) against central finite differences, in
 * float64 on tiny shapes.
 */
class GradientCheckTest {
    private static final double EPS = 1e-6;

    /** Checks d f / d x by central differences at every coordinate of x. */
    private static void check(double[] x0, long[] shape, Function<Tensor, Tensor> f) {
        try (NativeScope s = new NativeScope()) {
            Tensor x = Tensors.doubles(x0, shape).requires_grad_(true);
            Tensor y = f.apply(x);
            y.backward();
            double[] analytic = Tensors.toDoubles(x.grad());
            for (int i = 0; i < x0.length; i++) {
                double[] plus = x0.clone(), minus = x0.clone();
                plus[i] += EPS;
                minus[i] -= EPS;
                double fp, fm;
                try (NoGradGuard g = new NoGradGuard()) {
                    fp = f.apply(Tensors.doubles(plus, shape)).item_double();
                    fm = f.apply(Tensors.doubles(minus, shape)).item_double();
                }
                double numeric = (fp - fm) / (2 * EPS);
                assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "coordinate " + i);
            }
        }
    }

    private static double[] random(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    private static Tensor target(int[] labels, int classes) {
        return Ops.oneHot(labels, classes, Tensors.doubles(new double[] {0}, 1).device(), torch.ScalarType.Double);
    }

    @Test
    void relativeAlignmentLossGradientWithRespectToFeatures() {
        double[] protos = random(3 * 4, 2);
        for (boolean cosine : new boolean[] {false, true}) {
            check(random(5 * 4, 1), new long[] {5, 4}, z -> RelativeAlignmentLoss.loss(z, Tensors.doubles(protos, 3, 4),
                    target(new int[] {0, 1, 2, 1, 0}, 3), 0.5, cosine));
        }
    }

    @Test
    void stageTwoLossGradientWithRespectToFusedLogitsHeadsAndWeights() {
        int[] y = {1, 0, 2};
        double[] heads = random(3 * 3, 4), heads2 = random(3 * 3, 5), w = {0.3, 0.7, 0.5, 0.5, 0.9, 0.1};
        check(random(9, 3), new long[] {3, 3}, fused -> StageTwoLoss.loss(fused,
                List.of(Tensors.doubles(heads, 3, 3), Tensors.doubles(heads2, 3, 3)), Tensors.doubles(w, 3, 2), target(y, 3), 0.7));
        check(heads, new long[] {3, 3}, h -> StageTwoLoss.loss(Tensors.doubles(random(9, 3), 3, 3),
                List.of(h, Tensors.doubles(heads2, 3, 3)), Tensors.doubles(w, 3, 2), target(y, 3), 0.7));
        check(w, new long[] {3, 2}, ww -> StageTwoLoss.loss(Tensors.doubles(random(9, 3), 3, 3),
                List.of(Tensors.doubles(heads, 3, 3), Tensors.doubles(heads2, 3, 3)), ww, target(y, 3), 0.7));
    }

    @Test
    void gateGradientWithRespectToGateLogitsAndFeatures() {
        // the fused representation (Eq. 9-10) through a fixed linear read-out, as a scalar
        double[] u = {0.2, 0.9, 0.5, 0.1};
        double[] prior = {0.7, 0.3};
        double[] z0 = random(2 * 3, 7), z1 = random(2 * 3, 8), readout = random(3, 9);
        Function<Tensor, Tensor> viaGate = g -> {
            Tensor alpha = UncertaintyGate.scores(Tensors.doubles(prior, 2), Tensors.doubles(u, 2, 2), g);
            Tensor fused = UncertaintyGate.combine(Tensors.doubles(u, 2, 2), alpha, List.of(Tensors.doubles(z0, 2, 3), Tensors.doubles(z1, 2, 3))).fused();
            return fused.matmul(Tensors.doubles(readout, 3, 1)).sum();
        };
        check(random(4, 6), new long[] {2, 2}, viaGate);
        double[] g0 = random(4, 6);
        check(z0, new long[] {2, 3}, z -> {
            Tensor alpha = UncertaintyGate.scores(Tensors.doubles(prior, 2), Tensors.doubles(u, 2, 2), Tensors.doubles(g0, 2, 2));
            Tensor fused = UncertaintyGate.combine(Tensors.doubles(u, 2, 2), alpha, List.of(z, Tensors.doubles(z1, 2, 3))).fused();
            return fused.matmul(Tensors.doubles(readout, 3, 1)).sum();
        });
    }

    @Test
    void normalisedEntropyGradient() {
        check(new double[] {0.2, 0.3, 0.5, 0.6, 0.3, 0.1}, new long[] {2, 3}, p -> Ops.normalizedEntropy(p).sum());
    }
}
