package org.iibalance.method;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.Batch;
import org.iibalance.nn.Ops;

/**
 * AGM (Li et al., ICCV 2023): adaptive gradient modulation on the joint-training model.
 *
 * <ol>
 *   <li>Mono-modal response of m: its Shapley value in the fused output. For our linear concatenation
 *   head this is exact and cheap: psi_m = z_m W[:, slice_m]^T (the bias cancels in the Shapley
 *   differences), so no extra forward passes with zeroed modalities are needed.</li>
 *   <li>Score s_m = mean_i -log p(y_i | psi_m^i) (probabilities floored at 1e-8 as in AGM).</li>
 *   <li>Ratio r_m = exp(M/(M-1) (mean_k s_k - s_m)) (two modalities: exp(s_v - s_a) for audio): above
 *   1 means m currently fits better than the average modality.</li>
 *   <li>Target r*_m: the same ratio from the running means of the scores over all steps so far (AGM
 *   keeps running averages of the training scores; we do not reset them per epoch).</li>
 *   <li>k_m = exp(alpha min(r*_m - r_m, 7)) multiplies encoder m's update ({@link GradTools}: the
 *   update, not the gradient, so that it survives Adam).</li>
 * </ol>
 * AGM's clipping of the gradient norm when the classifier's gradients exceed 5 is not reproduced.
 */
public final class AgmMethod extends JointTrainingMethod {
    private final MethodConfig cfg;
    private double[] runningScore;
    private long steps;

    public AgmMethod(MethodConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public String name() {
        return "agm";
    }

    /** k_m per modality, the epoch's mean ({@code ctrl_k_<m>}). */
    @Override
    public List<String> controlNames(List<String> modalities) {
        return ControlSignals.perModality("k", modalities);
    }

    /** r_m = exp(M/(M-1) (mean(s) - s_m)). */
    public static double[] ratios(double[] scores) {
        int n = scores.length;
        double mean = 0;
        for (double s : scores) mean += s;
        mean /= n;
        double[] r = new double[n];
        for (int m = 0; m < n; m++) r[m] = Math.exp(n / (double) (n - 1) * (mean - scores[m]));
        return r;
    }

    /** k_m = exp(alpha min(r*_m - r_m, 7)) with r from the batch scores and r* from the running scores. */
    public static double[] coefficients(double[] scores, double[] runningScores, double alpha) {
        double[] r = ratios(scores);
        double[] target = ratios(runningScores);
        double[] k = new double[r.length];
        for (int m = 0; m < k.length; m++) k[m] = Math.exp(alpha * Math.min(target[m] - r[m], 7));
        return k;
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        FusedPass pass = fusedPass(b, optimizer);
        List<Tensor> z = pass.z();
        Tensor loss = pass.loss();
        loss.backward();
        double[] s = scores(z, b);
        if (runningScore == null) runningScore = s.clone();
        double[] k = coefficients(s, runningScore, cfg.agmAlpha());
        control.add("k", modalityNames(), k);
        steps++;
        for (int m = 0; m < s.length; m++) runningScore[m] += (s[m] - runningScore[m]) / (steps + 1);
        GradTools.UpdateScale scale = new GradTools.UpdateScale(net, k);
        optimizer.step();
        scale.apply();
        return StepStats.of(loss.item_double());
    }

    /** s_m = mean -log p(y | psi_m). */
    private double[] scores(List<Tensor> z, Batch b) {
        double[] s = new double[z.size()];
        try (NoGradGuard g = new NoGradGuard()) {
            long d = net.featureDim();
            for (int m = 0; m < s.length; m++) {
                Tensor psi = torch.linear(z.get(m), net.fusedHead().weight().narrow(1, m * d, d), new TensorOptional());
                float[][] p = org.iibalance.nn.Tensors.toMatrix(Ops.softmax(psi));
                for (int i = 0; i < b.size(); i++) s[m] -= Math.log(Math.max(1e-8, p[i][b.labels()[i]]));
                s[m] /= b.size();
            }
        }
        return s;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> st = new HashMap<>();
        if (runningScore != null) st.put("runningScore", runningScore);
        st.put("steps", steps);
        return st;
    }

    @Override
    public void restore(Map<String, Object> st) {
        if (st.containsKey("runningScore")) runningScore = StateValues.doubles(st.get("runningScore"));
        if (st.containsKey("steps")) steps = ((Number) st.get("steps")).longValue();
    }

    static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double v : a) l.add(v);
        return l;
    }
}
