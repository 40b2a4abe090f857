package org.iibalance.method;

import java.util.List;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.Batch;
import org.iibalance.nn.Ops;

/**
 * MMPareto (Wei and Hu, ICML 2024): multimodal loss L_mm = CE(f_fuse([z_a; z_v])) plus a unimodal
 * loss L_m = CE(f_m(z_m)) per modality with its own head (as MMPareto's separate heads); for each
 * encoder the two gradients are combined by {@link #combine}:
 * <ol>
 *   <li>no conflict (cos(g_mm, g_m) &gt;= 0): equal weights 1/2, 1/2;</li>
 *   <li>conflict: the two-task min-norm (MGDA) weights, a = clip(((g_m - g_mm) . g_m) / ||g_mm - g_m||^2, 0, 1);</li>
 *   <li>new = 2 (a g_mm + (1 - a) g_m), rescaled to at least the magnitude of g_mm + g_m and
 *   enlarged by gamma: g = gamma max(1, ||g_mm + g_m|| / ||new||) new (the reference code's
 *   rescaling, which only scales up).</li>
 * </ol>
 * Cosine, weights and rescaling are computed on the encoder's whole flattened gradient (the
 * reference code computes the cosine over the encoder too, then rescales per parameter tensor: we
 * rescale the encoder as a whole). Heads keep their own gradients. The reference code's solver bug
 * (weights left at [0, 0] on conflict, NaN) cannot happen here: the weights are computed in closed form.
 * Costs two backward passes per step.
 */
public final class MmParetoMethod implements TrainingMethod {
    private final MethodConfig cfg;
    private org.iibalance.model.MultimodalNetwork net;
    private final ControlSignals control = new ControlSignals();

    public MmParetoMethod(MethodConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public String name() {
        return "mmpareto";
    }

    @Override
    public org.iibalance.model.FusionHead fusion() {
        return org.iibalance.model.FusionHead.CONCAT;
    }

    /** Its unimodal heads f_m are trained by their own losses. */
    @Override
    public org.iibalance.run.Capabilities capabilities() {
        return org.iibalance.run.Capabilities.NONE.withUnimodalHeads();
    }

    @Override
    public String unimodalProtocol() {
        return "the unimodal heads f_m trained by the unimodal losses (MMPareto)";
    }

    /**
     * Per modality the fraction of the epoch's steps on which its multimodal and unimodal gradients
     * conflicted (cos &lt; 0, so the min-norm weights were used): {@code ctrl_conflict_<m>}.
     */
    @Override
    public java.util.List<String> controlNames(java.util.List<String> modalities) {
        return ControlSignals.perModality("conflict", modalities);
    }

    @Override
    public java.util.Map<String, Double> epochControl() {
        return control.drain();
    }

    @Override
    public void prepare(MethodContext ctx) {
        net = ctx.network();
    }

    /** The two-task min-norm weight a of g1 in a g1 + (1 - a) g2. */
    public static double minNormWeight(double[] g1, double[] g2) {
        double num = 0, den = 0;
        for (int i = 0; i < g1.length; i++) {
            double diff = g2[i] - g1[i];
            num += diff * g2[i];
            den += diff * diff;
        }
        if (den <= 0) return 0.5;
        return Math.max(0, Math.min(1, num / den));
    }

    /** The MMPareto gradient of one encoder from its multimodal and unimodal gradients. */
    public static double[] combine(double[] gmm, double[] gu, double gamma) {
        double nmm = GradTools.norm(gmm), nu = GradTools.norm(gu);
        double cos = nmm > 0 && nu > 0 ? GradTools.dot(gmm, gu) / (nmm * nu) : 1;
        double a = cos >= 0 ? 0.5 : minNormWeight(gmm, gu);
        double[] out = new double[gmm.length];
        double[] sum = new double[gmm.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 2 * (a * gmm[i] + (1 - a) * gu[i]);
            sum[i] = gmm[i] + gu[i];
        }
        double nNew = GradTools.norm(out);
        double scale = gamma * (nNew > 0 ? Math.max(1, GradTools.norm(sum) / nNew) : 1);
        for (int i = 0; i < out.length; i++) out[i] *= scale;
        return out;
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        optimizer.zero_grad();
        List<Tensor> z = net.encode(b);
        List<Tensor> uni = net.unimodalLogits(z);
        Tensor lossUni = null;
        for (Tensor l : uni) {
            Tensor ce = Ops.crossEntropy(l, b.target());
            lossUni = lossUni == null ? ce : lossUni.add(ce);
        }
        Tensor lossMm = Ops.crossEntropy(ConcatSlices.fusedLogits(net, z), b.target());
        int mCount = net.modalityCount();
        GradTools.backwardRetain(lossUni); // encoders get g_m, heads f_m their gradients
        double[][] gu = new double[mCount][];
        for (int m = 0; m < mCount; m++) {
            gu[m] = GradTools.flatGrad(net.encoder(m));
            GradTools.zeroGrad(net.encoder(m));
        }
        lossMm.backward(); // encoders now hold g_mm; the fused head its gradient
        for (int m = 0; m < mCount; m++) {
            double[] gmm = GradTools.flatGrad(net.encoder(m));
            control.add("ctrl_conflict_" + net.modalities().get(m).name(), GradTools.dot(gmm, gu[m]) < 0 ? 1 : 0);
            GradTools.setFlatGrad(net.encoder(m), combine(gmm, gu[m], cfg.mmparetoGamma()));
        }
        optimizer.step();
        return StepStats.of(lossMm.item_double() + lossUni.item_double());
    }

    @Override
    public Prediction predict(Batch b) {
        List<Tensor> z = net.encode(b);
        List<Tensor> uni = net.unimodalLogits(z);
        return new Prediction(ConcatSlices.fusedLogits(net, z), new java.util.ArrayList<>(uni), null, UncertaintyGate.uncertainty(uni));
    }
}
