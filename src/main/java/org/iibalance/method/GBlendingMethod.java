package org.iibalance.method;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.Batch;
import org.iibalance.model.FusionHead;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Ops;

/**
 * Gradient-Blending (Wang, Tran and Feiszli, CVPR 2020), online variant: the loss is the blend
 * L = w_0 CE(f_fuse([z_a; z_v])) + sum_m w_m CE(f_m(z_m)) over the fused output and one head per
 * modality, with weights re-estimated every {@code superEpoch} epochs from each output's
 * overfitting-to-generalisation ratio (OGR) over the last super-epoch ({@link #weights}):
 * G_k = L*_k(start) - L*_k(end) (gain in held-out loss), O_k = (L*_k - L_k)(end) - (L*_k - L_k)(start)
 * (growth of the gap), w_k proportional to G_k / O_k^2, normalised.
 *
 * <p>L* is measured on the <b>validation</b> split (never test), L on the training split in order,
 * both in eval mode without gradients, at the start of every super-epoch: that is one extra pass over
 * train and validation per super-epoch, the price of the method. Before the first estimate the
 * weights are uniform. The paper estimates the OGR by training the unimodal and multimodal models
 * apart (offline) or on the shared model (online, its Algorithm 2); we use the online form on our
 * shared model. Where G_k &lt;= 0 (no held-out gain) the weight is 0; O_k^2 is floored at 1e-6; if no
 * output gained, the previous weights are kept.
 */
public final class GBlendingMethod implements TrainingMethod {
    private final MethodConfig cfg;
    private MultimodalNetwork net;
    private BatchSource data;
    private double[] w;
    private double[] startTrain, startVal;
    private int lastMeasured = -1;
    private final ControlSignals control = new ControlSignals();

    public GBlendingMethod(MethodConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public String name() {
        return "g-blending";
    }

    @Override
    public FusionHead fusion() {
        return FusionHead.CONCAT;
    }

    /** Its unimodal heads f_m are trained by their own losses. */
    @Override
    public org.iibalance.run.Capabilities capabilities() {
        return org.iibalance.run.Capabilities.NONE.withUnimodalHeads();
    }

    @Override
    public String unimodalProtocol() {
        return "the unimodal heads f_m trained inside the blended loss (G-Blending)";
    }

    /** The blend weights in use during the epoch: {@code ctrl_w_fused} and {@code ctrl_w_<m>}. */
    @Override
    public List<String> controlNames(List<String> modalities) {
        List<String> n = new ArrayList<>(List.of("ctrl_w_fused"));
        n.addAll(ControlSignals.perModality("w", modalities));
        return n;
    }

    @Override
    public Map<String, Double> epochControl() {
        return control.drain();
    }

    @Override
    public void prepare(MethodContext ctx) {
        net = ctx.network();
        data = ctx.data();
        if (w == null) {
            w = new double[net.modalityCount() + 1];
            java.util.Arrays.fill(w, 1.0 / w.length);
        }
    }

    /** w_k proportional to max(G_k, 0) / max(O_k^2, 1e-6); null when no output gained. */
    public static double[] weights(double[] trainStart, double[] valStart, double[] trainEnd, double[] valEnd) {
        double[] w = new double[trainStart.length];
        double total = 0;
        for (int k = 0; k < w.length; k++) {
            double g = valStart[k] - valEnd[k];
            double o = (valEnd[k] - trainEnd[k]) - (valStart[k] - trainStart[k]);
            w[k] = g > 0 ? g / Math.max(o * o, 1e-6) : 0;
            total += w[k];
        }
        if (!(total > 0) || Double.isInfinite(total)) return null;
        for (int k = 0; k < w.length; k++) w[k] /= total;
        return w;
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        if (epoch % RunLength.superEpoch(cfg, totalEpochs) == 0 && epoch != lastMeasured) superEpochBoundary(epoch);
        control.add("ctrl_w_fused", w[0]);
        for (int m = 0; m < net.modalityCount(); m++) control.add("ctrl_w_" + net.modalities().get(m).name(), w[m + 1]);
        optimizer.zero_grad();
        List<Tensor> out = outputs(b);
        Tensor loss = null;
        for (int k = 0; k < out.size(); k++) {
            Tensor l = Ops.crossEntropy(out.get(k), b.target()).mul(new Scalar(w[k]));
            loss = loss == null ? l : loss.add(l);
        }
        loss.backward();
        optimizer.step();
        return StepStats.of(loss.item_double());
    }

    /** [fused, head_1, ..., head_M] logits. */
    private List<Tensor> outputs(Batch b) {
        List<Tensor> z = net.encode(b);
        List<Tensor> out = new ArrayList<>();
        out.add(ConcatSlices.fusedLogits(net, z));
        out.addAll(net.unimodalLogits(z));
        return out;
    }

    private void superEpochBoundary(int epoch) {
        lastMeasured = epoch;
        double[] tr, va;
        net.eval();
        try {
            tr = losses(false);
            va = losses(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            net.train(true);
        }
        if (startTrain != null) {
            double[] nw = weights(startTrain, startVal, tr, va);
            if (nw != null) w = nw;
        }
        startTrain = tr;
        startVal = va;
    }

    private double[] losses(boolean validation) throws InterruptedException {
        double[] sum = new double[net.modalityCount() + 1];
        int[] n = {0};
        try (NoGradGuard g = new NoGradGuard()) {
            BatchSource.BatchConsumer c = b -> {
                List<Tensor> out = outputs(b);
                for (int k = 0; k < out.size(); k++) sum[k] += Ops.crossEntropy(out.get(k), b.target()).item_double() * b.size();
                n[0] += b.size();
            };
            if (validation) data.validation(c);
            else data.trainInOrder(c);
        }
        for (int k = 0; k < sum.length; k++) sum[k] /= Math.max(1, n[0]);
        return sum;
    }

    /** The current blend weights [fused, modality 1..M]. */
    public double[] blendWeights() {
        return w.clone();
    }

    @Override
    public Prediction predict(Batch b) {
        List<Tensor> out = outputs(b);
        List<Tensor> uni = new ArrayList<>(out.subList(1, out.size()));
        return new Prediction(out.get(0), uni, null, UncertaintyGate.uncertainty(uni));
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new HashMap<>();
        s.put("weights", w);
        if (startTrain != null) {
            s.put("startTrain", startTrain);
            s.put("startVal", startVal);
        }
        s.put("lastMeasured", lastMeasured);
        return s;
    }

    @Override
    public void restore(Map<String, Object> s) {
        if (s.containsKey("weights")) w = StateValues.doubles(s.get("weights"));
        if (s.containsKey("startTrain")) {
            startTrain = StateValues.doubles(s.get("startTrain"));
            startVal = StateValues.doubles(s.get("startVal"));
        }
        if (s.containsKey("lastMeasured")) lastMeasured = StateValues.integer(s.get("lastMeasured"));
    }
}
