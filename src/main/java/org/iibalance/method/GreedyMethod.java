package org.iibalance.method;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.Batch;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Tensors;

/**
 * Greedy-learning mitigation (Wu, Jastrzebski, Cho and Geras, ICML 2022), adapted to our small
 * encoders. <b>Simplification:</b> the paper measures conditional learning speed on MMTM bypass
 * paths between two ResNets and re-balances by training one branch with the other's excitation
 * replaced by its running average; our encoders have no MMTM blocks, so we keep the principle on the
 * joint-training model:
 * <ul>
 *   <li>Learning speed of modality m: sum over encoder m's parameters of ||grad||^2 / ||theta||^2 (the
 *   paper's per-layer speed, summed over the branch), accumulated over the last
 *   {@code greedyWindow} normal steps.</li>
 *   <li>Imbalance d = log10(speed_fast / speed_slow); when d exceeds {@code greedyThreshold}
 *   ({@link #slowModality}), the next {@code greedyWindow} steps are re-balancing steps for the slow
 *   modality.</li>
 *   <li>Re-balancing step: the fast modalities' features are replaced by their running mean
 *   (detached; the analogue of the averaged excitation), so the fused prediction depends on the slow
 *   modality alone; the fused loss then trains the slow encoder and the fused head, and the fast
 *   encoders are frozen for the step (update scale 0, which also stops Adam's momentum from moving
 *   them).</li>
 * </ul>
 */
public final class GreedyMethod extends JointTrainingMethod {
    private final MethodConfig cfg;
    private double[] speedSum;
    private int measured;
    private int rebalanceLeft;
    private int slow = -1;
    private float[][] meanFeatures;

    public GreedyMethod(MethodConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public String name() {
        return "greedy";
    }

    /**
     * Per modality the fraction of the epoch's steps that were re-balancing steps for it
     * ({@code ctrl_rebalance_<m>}), and the mean measured imbalance log10(fast / slow) at the end of
     * each measuring window ({@code ctrl_imbalance}).
     */
    @Override
    public List<String> controlNames(List<String> modalities) {
        List<String> n = new java.util.ArrayList<>(ControlSignals.perModality("rebalance", modalities));
        n.add("ctrl_imbalance");
        return n;
    }

    /** log10(max speed / min speed) (NaN when a speed is 0). */
    static double imbalance(double[] speeds) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double s : speeds) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        return lo > 0 ? Math.log10(hi / lo) : Double.NaN;
    }

    /** The slowest modality if log10(max speed / min speed) &gt; threshold, else -1. */
    public static int slowModality(double[] speeds, double threshold) {
        int lo = 0, hi = 0;
        for (int m = 1; m < speeds.length; m++) {
            if (speeds[m] < speeds[lo]) lo = m;
            if (speeds[m] > speeds[hi]) hi = m;
        }
        if (!(speeds[lo] > 0)) return speeds[hi] > 0 ? lo : -1;
        return Math.log10(speeds[hi] / speeds[lo]) > threshold ? lo : -1;
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        int mCount = net.modalityCount();
        if (speedSum == null) speedSum = new double[mCount];
        optimizer.zero_grad();
        List<Tensor> z = net.encode(b);
        trackMeans(z);
        double[] rebalancing = new double[mCount];
        if (rebalanceLeft > 0 && slow >= 0) rebalancing[slow] = 1;
        control.add("rebalance", modalityNames(), rebalancing);
        if (rebalanceLeft > 0 && slow >= 0) {
            rebalanceLeft--;
            for (int m = 0; m < mCount; m++) {
                if (m == slow) continue;
                long d = net.featureDim();
                z.set(m, Tensors.floats(meanFeatures[m], z.get(m).device(), 1, d).expand(new long[] {b.size(), d}));
            }
            Tensor loss = Ops.crossEntropy(ConcatSlices.fusedLogits(net, z), b.target());
            loss.backward();
            double[] k = new double[mCount];
            k[slow] = 1;
            GradTools.UpdateScale freeze = new GradTools.UpdateScale(net, k);
            optimizer.step();
            freeze.apply();
            return StepStats.of(loss.item_double());
        }
        Tensor loss = Ops.crossEntropy(ConcatSlices.fusedLogits(net, z), b.target());
        loss.backward();
        for (int m = 0; m < mCount; m++) {
            double[] n = GradTools.squaredNorms(net.encoder(m));
            speedSum[m] += n[1] > 0 ? n[0] / n[1] : 0;
        }
        if (++measured >= cfg.greedyWindow()) {
            double d = imbalance(speedSum);
            if (!Double.isNaN(d)) control.add("ctrl_imbalance", d);
            slow = slowModality(speedSum, cfg.greedyThreshold());
            if (slow >= 0) rebalanceLeft = cfg.greedyWindow();
            speedSum = new double[mCount];
            measured = 0;
        }
        optimizer.step();
        return StepStats.of(loss.item_double());
    }

    private void trackMeans(List<Tensor> z) {
        if (meanFeatures == null) meanFeatures = new float[z.size()][];
        for (int m = 0; m < z.size(); m++) {
            float[] f = Tensors.toFloats(Tensors.mean(z.get(m), 0));
            if (meanFeatures[m] == null) meanFeatures[m] = f;
            else for (int j = 0; j < f.length; j++) meanFeatures[m][j] = 0.9f * meanFeatures[m][j] + 0.1f * f[j];
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new HashMap<>();
        s.put("rebalanceLeft", rebalanceLeft);
        s.put("slow", slow);
        // the measuring window in progress (a resumed run must finish it as the uninterrupted one would)
        s.put("measured", measured);
        if (speedSum != null) s.put("speedSum", speedSum.clone());
        if (meanFeatures != null) for (int m = 0; m < meanFeatures.length; m++) s.put("meanFeatures." + m, meanFeatures[m]);
        return s;
    }

    @Override
    public void restore(Map<String, Object> s) {
        if (s.containsKey("rebalanceLeft")) rebalanceLeft = StateValues.integer(s.get("rebalanceLeft"));
        if (s.containsKey("slow")) slow = StateValues.integer(s.get("slow"));
        if (s.containsKey("measured")) measured = StateValues.integer(s.get("measured"));
        if (s.containsKey("speedSum")) speedSum = StateValues.doubles(s.get("speedSum"));
        if (s.containsKey("meanFeatures.0")) {
            int n = 0;
            while (s.containsKey("meanFeatures." + n)) n++;
            meanFeatures = new float[n][];
            for (int m = 0; m < n; m++) meanFeatures[m] = StateValues.floats(s.get("meanFeatures." + m));
        }
    }
}
