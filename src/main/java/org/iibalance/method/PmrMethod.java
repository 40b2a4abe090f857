package org.iibalance.method;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.Batch;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Tensors;

/**
 * PMR (Fan et al., CVPR 2023): prototypical modal rebalance on the joint-training model.
 *
 * <ul>
 *   <li>Prototypes: per modality and class, the mean encoder feature over an epoch, blended with the
 *   previous epoch's as p = mu p_old + (1 - mu) p_new (mu = {@code pmrMomentum}). PMR recomputes the
 *   class means in a separate pass over a tenth of the training data; we accumulate them, detached,
 *   from the training batches of the epoch (no extra pass). In the first epoch, before any
 *   prototype exists, the running class means of the epoch so far are used.</li>
 *   <li>Prototype classifier: logits -||z_m - p_c||_2; scores s_m = sum_i softmax(-d_m)[y_i] (the
 *   non-parametric, fusion-free evaluation of each modality).</li>
 *   <li>Rebalance ({@link #coefficients}): the modality with the highest score is dominant; every
 *   other modality u gets rho_u = s_dom / s_u and coefficient beta_u = alpha tanh(rho_u - 1) (zero
 *   when balanced, bounded by alpha; the bounded form is our choice where the paper's scaling is
 *   not reproduced here). Loss: CE(fused) + sum_u beta_u PCE_u, where PCE_u is the cross-entropy of
 *   the prototype logits of u (it pulls the slow modality's features to its class prototypes).</li>
 *   <li>Prototype entropy regularisation (PER) on the dominant modality during the first
 *   {@code pmrEntropyEpochs} epochs: - beta_max H(softmax(-d_dom)), slowing its early convergence.</li>
 * </ul>
 */
public final class PmrMethod extends JointTrainingMethod {
    private final MethodConfig cfg;
    private float[][] protos; // [M][C*d], previous epochs' blend (null before the first epoch ends)
    private double[][] sums;
    private int[][] counts;
    private int currentEpoch = -1;

    public PmrMethod(MethodConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public String name() {
        return "pmr";
    }

    /** beta_m per modality (0 for the dominant one), the epoch's mean ({@code ctrl_beta_<m>}). */
    @Override
    public List<String> controlNames(List<String> modalities) {
        return ControlSignals.perModality("beta", modalities);
    }

    /**
     * beta_u = alpha tanh(s_dom / s_u - 1) for every modality u but the dominant one (index of the
     * highest score), 0 for the dominant one.
     */
    public static double[] coefficients(double[] scores, double alpha) {
        int dom = dominant(scores);
        double[] beta = new double[scores.length];
        for (int m = 0; m < scores.length; m++) {
            if (m == dom) continue;
            double rho = scores[m] > 0 ? scores[dom] / scores[m] : Double.POSITIVE_INFINITY;
            beta[m] = alpha * Math.tanh(rho - 1);
        }
        return beta;
    }

    public static int dominant(double[] scores) {
        int dom = 0;
        for (int m = 1; m < scores.length; m++) if (scores[m] > scores[dom]) dom = m;
        return dom;
    }

    /** p = mu p_old + (1 - mu) p_new (p_old null: p_new). */
    public static float[] blend(float[] old, double[] fresh, double mu) {
        float[] out = new float[fresh.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) (old == null ? fresh[i] : mu * old[i] + (1 - mu) * fresh[i]);
        return out;
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        int mCount = net.modalityCount();
        int classes = net.classes();
        int d = (int) net.featureDim();
        if (epoch != currentEpoch) endEpoch(mCount, classes, d, epoch);
        FusedPass pass = fusedPass(b, optimizer);
        List<Tensor> z = pass.z();
        Tensor loss = pass.loss();
        accumulate(z, b.labels(), d);
        Tensor[] protoLogits = new Tensor[mCount];
        double[] s = new double[mCount];
        for (int m = 0; m < mCount; m++) {
            float[] p = protos != null ? protos[m] : runningMeans(m, classes, d);
            protoLogits[m] = negDistances(z.get(m), Tensors.floats(p, z.get(m).device(), classes, d));
            try (NoGradGuard g = new NoGradGuard()) {
                float[][] prob = Tensors.toMatrix(Ops.softmax(protoLogits[m]));
                for (int i = 0; i < b.size(); i++) s[m] += prob[i][b.labels()[i]];
            }
        }
        double[] beta = coefficients(s, cfg.pmrAlpha());
        control.add("beta", modalityNames(), beta);
        double maxBeta = 0;
        for (int m = 0; m < mCount; m++) {
            if (beta[m] > 0) loss = loss.add(Ops.crossEntropy(protoLogits[m], b.target()).mul(new Scalar(beta[m])));
            maxBeta = Math.max(maxBeta, beta[m]);
        }
        if (epoch < RunLength.pmrEntropyEpochs(cfg, totalEpochs) && maxBeta > 0) {
            Tensor h = Ops.normalizedEntropy(Ops.softmax(protoLogits[dominant(s)])).mean();
            loss = loss.sub(h.mul(new Scalar(maxBeta)));
        }
        loss.backward();
        optimizer.step();
        return StepStats.of(loss.item_double());
    }

    /** -||z - p_c||_2 for every row of z [B, d] and prototype p [C, d]: [B, C]. */
    static Tensor negDistances(Tensor z, Tensor p) {
        Tensor zz = z.mul(z).sum(new long[] {1}, true, new ScalarTypeOptional());
        Tensor pp = p.mul(p).sum(new long[] {1}, false, new ScalarTypeOptional()).unsqueeze(0);
        Tensor sq = zz.sub(z.matmul(p.t()).mul(new Scalar(2))).add(pp);
        return sq.clamp_min(new Scalar(1e-12)).sqrt().neg();
    }

    private void endEpoch(int mCount, int classes, int d, int epoch) {
        if (sums != null && currentEpoch >= 0) {
            float[][] next = new float[mCount][];
            for (int m = 0; m < mCount; m++) next[m] = blend(protos == null ? null : protos[m], means(m, classes, d), cfg.pmrMomentum());
            protos = next;
        }
        sums = new double[mCount][classes * d];
        counts = new int[mCount][classes];
        currentEpoch = epoch;
    }

    private void accumulate(List<Tensor> z, int[] labels, int d) {
        for (int m = 0; m < z.size(); m++) {
            float[] f = Tensors.toFloats(z.get(m));
            for (int i = 0; i < labels.length; i++) {
                counts[m][labels[i]]++;
                for (int j = 0; j < d; j++) sums[m][labels[i] * d + j] += f[i * d + j];
            }
        }
    }

    private double[] means(int m, int classes, int d) {
        double[] out = new double[classes * d];
        for (int c = 0; c < classes; c++) {
            if (counts[m][c] == 0) { // unseen this epoch: keep the old prototype
                for (int j = 0; j < d; j++) out[c * d + j] = protos == null ? 0 : protos[m][c * d + j];
                continue;
            }
            for (int j = 0; j < d; j++) out[c * d + j] = sums[m][c * d + j] / counts[m][c];
        }
        return out;
    }

    private float[] runningMeans(int m, int classes, int d) {
        double[] mean = means(m, classes, d);
        float[] f = new float[mean.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) mean[i];
        return f;
    }

    /**
     * The blended prototypes and the current epoch's running class sums: the checkpoint of epoch t is
     * taken before epoch t's means are blended in (that happens when epoch t+1 starts), so a resumed
     * run needs the sums too to continue exactly as an uninterrupted one.
     */
    @Override
    public Map<String, Object> state() {
        Map<String, Object> st = new HashMap<>();
        if (protos != null) for (int m = 0; m < protos.length; m++) st.put("prototypes." + m, protos[m]);
        if (sums != null) {
            st.put("epoch", currentEpoch);
            for (int m = 0; m < sums.length; m++) {
                st.put("sums." + m, sums[m]);
                double[] c = new double[counts[m].length];
                for (int k = 0; k < c.length; k++) c[k] = counts[m][k];
                st.put("counts." + m, c);
            }
        }
        return st;
    }

    @Override
    public void restore(Map<String, Object> st) {
        protos = null;
        sums = null;
        counts = null;
        currentEpoch = -1;
        int n = 0;
        while (st.containsKey("prototypes." + n)) n++;
        if (n > 0) {
            protos = new float[n][];
            for (int m = 0; m < n; m++) protos[m] = StateValues.floats(st.get("prototypes." + m));
        }
        int k = 0;
        while (st.containsKey("sums." + k)) k++;
        if (k > 0) {
            sums = new double[k][];
            counts = new int[k][];
            for (int m = 0; m < k; m++) {
                sums[m] = StateValues.doubles(st.get("sums." + m));
                double[] c = StateValues.doubles(st.get("counts." + m));
                counts[m] = new int[c.length];
                for (int j = 0; j < c.length; j++) counts[m][j] = (int) c[j];
            }
            currentEpoch = StateValues.integer(st.get("epoch"));
        }
    }
}
