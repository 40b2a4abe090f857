package org.iibalance.method;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.MethodConfig;
import org.iibalance.data.Seeds;
import org.iibalance.model.Batch;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Tensors;

/**
 * OGM-GE (Peng et al., CVPR 2022): on-the-fly gradient modulation with Gaussian enhancement, on the
 * joint-training model (concatenation fusion, cross-entropy on the fused output only).
 *
 * <ol>
 *   <li>Score of modality m on the batch: s_m = sum_i softmax(f_m(z_m^i))[y_i], with f_m the slice
 *   of the fused classifier ({@link ConcatSlices}, the paper's protocol).</li>
 *   <li>Discrepancy rho_m = s_m / (mean of the other modalities' scores); for two modalities this is
 *   the paper's s_a / s_v and s_v / s_a (the mean of the others is our choice for M &gt; 2).</li>
 *   <li>k_m = 1 - tanh(alpha rho_m) when rho_m &gt; 1 (the dominant modality), else 1 (Eq. 9-10 of
 *   the paper); see {@link #coefficients}.</li>
 *   <li>GE: every encoder weight tensor (dim &gt;= 2; the paper names conv weights) gets
 *   N(0, std(grad)^2) noise added to its gradient, drawn from a generator seeded by (seed, step) so a
 *   run repeats. Like the reference code we add it to every encoder, also where k = 1.</li>
 *   <li>k_m multiplies encoder m's update ({@link GradTools} explains why the update and not the
 *   gradient under Adam); with SGD the update is k (g + h) rather than the paper's k g + h: the
 *   noise is scaled with the gradient. Modulation runs in epochs
 *   [{@code modulationStart}, {@code modulationEnd}).</li>
 * </ol>
 */
public final class OgmGeMethod extends JointTrainingMethod {
    private final MethodConfig cfg;
    private long seed;
    private long step;

    public OgmGeMethod(MethodConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public String name() {
        return "ogm-ge";
    }

    /** k_m per modality, the epoch's mean (1 outside the modulation window). */
    @Override
    public List<String> controlNames(List<String> modalities) {
        return ControlSignals.perModality("k", modalities);
    }

    @Override
    public void prepare(MethodContext ctx) throws InterruptedException {
        super.prepare(ctx);
        seed = ctx.config().seed();
    }

    /**
     * The OGM coefficients: k_m = 1 - tanh(alpha rho_m) if rho_m &gt; 1 else 1, with rho_m = s_m /
     * mean_{k != m} s_k.
     */
    public static double[] coefficients(double[] scores, double alpha) {
        int n = scores.length;
        double[] k = new double[n];
        for (int m = 0; m < n; m++) {
            double others = 0;
            for (int j = 0; j < n; j++) if (j != m) others += scores[j];
            others /= Math.max(1, n - 1);
            double rho = others > 0 ? scores[m] / others : Double.POSITIVE_INFINITY;
            k[m] = rho > 1 ? 1 - Math.tanh(alpha * rho) : 1.0;
        }
        return k;
    }

    /** s_m = sum_i p_m(y_i | x_i) from logits [B, C] (one per modality). */
    static double[] scores(List<Tensor> logits, int[] labels) {
        double[] s = new double[logits.size()];
        try (NoGradGuard g = new NoGradGuard()) {
            for (int m = 0; m < s.length; m++) {
                float[][] p = Tensors.toMatrix(Ops.softmax(logits.get(m)));
                for (int i = 0; i < labels.length; i++) s[m] += p[i][labels[i]];
            }
        }
        return s;
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        FusedPass pass = fusedPass(b, optimizer);
        List<Tensor> z = pass.z();
        Tensor loss = pass.loss();
        loss.backward();
        step++;
        if (epoch < RunLength.modulationStart(cfg, totalEpochs) || epoch >= RunLength.modulationEnd(cfg, totalEpochs)) {
            optimizer.step();
            double[] ones = new double[net.modalityCount()];
            java.util.Arrays.fill(ones, 1.0);
            control.add("k", modalityNames(), ones);
            return StepStats.of(loss.item_double());
        }
        double[] k = coefficients(scores(ConcatSlices.sliceLogits(net, z), b.labels()), cfg.ogmAlpha());
        control.add("k", modalityNames(), k);
        if (cfg.gaussianEnhancement()) addNoise();
        GradTools.UpdateScale scale = new GradTools.UpdateScale(net, k);
        optimizer.step();
        scale.apply();
        return StepStats.of(loss.item_double());
    }

    /** grad += N(0, std(grad)^2) on every encoder weight tensor (GE). */
    private void addNoise() {
        try (NoGradGuard ng = new NoGradGuard()) {
            int idx = 0;
            for (int m = 0; m < net.modalityCount(); m++) {
                for (Tensor p : GradTools.params(net.encoder(m))) {
                    idx++;
                    Tensor g = p.grad();
                    if (p.dim() < 2 || g == null || !g.defined()) continue;
                    double std = g.std().item_double() + 1e-8;
                    SplittableRandom r = Seeds.random(seed, 0x06E6EL, step, idx);
                    float[] noise = new float[(int) p.numel()];
                    for (int i = 0; i < noise.length; i++) noise[i] = (float) (r.nextGaussian() * std);
                    g.add_(Tensors.floats(noise, p.device(), GradTools.shape(p)));
                }
            }
        }
    }

    @Override
    public Map<String, Object> state() {
        return Map.of("step", step);
    }

    @Override
    public void restore(Map<String, Object> s) {
        if (s.containsKey("step")) step = ((Number) s.get("step")).longValue();
    }
}
