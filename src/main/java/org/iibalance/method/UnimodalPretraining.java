package org.iibalance.method;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.NetModule;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Optimizers;
import org.iibalance.nn.ParameterSnapshot;
import org.iibalance.run.TrainingPhase;

/**
 * Unimodal pre-training: each modality's encoder g_m and head f_m trained alone with cross-entropy,
 * in place, until the validation <b>loss</b> stops improving. For IIBalance these are the budget
 * models of Eq. 1 ({@link BudgetEstimation}); with {@code method.unimodalPretraining: all} every
 * baseline starts from the very same models ({@link Pretrained}), so that no method gets epochs the
 * others do not.
 *
 * <p>Stopping rule: after every epoch the validation cross-entropy is measured; the weights with the
 * lowest one are kept; training stops after {@code method.budgetPatience} epochs without a lower
 * one, never before {@code method.budgetMinEpochs}, at the latest after {@code method.budgetMaxEpochs}.
 * Validation loss rather than accuracy: accuracy plateaus in steps (and is noisy on small splits)
 * while the model's confidence, which is what B_m measures, is still changing; the loss sees both.
 * Each modality has its own fresh optimiser ({@code training.optimizer}, {@code training.lr}) and its
 * own shuffles (negative epoch ids, distinct from the multimodal epochs').
 *
 * <p>Divergence: every step's loss goes through the run's {@link DivergenceRule} (non-finite, or above
 * {@code training.divergenceFactor} x max(1, this phase's first loss)); when it fires the run ends
 * {@code diverged} with the phase ({@code budget:<m>} or {@code pretrain:<m>}) in the reason.
 */
public final class UnimodalPretraining {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UnimodalPretraining.class);
    private UnimodalPretraining() {}

    /**
     * How one modality's model trained.
     *
     * @param modality    the modality
     * @param epochs      epochs trained
     * @param bestEpoch   1-based epoch of the kept weights (lowest validation loss)
     * @param bestValLoss validation cross-entropy of the kept weights
     * @param bestValAcc  validation accuracy of the kept weights
     * @param converged   true when the patience rule stopped it, false when the cap did
     */
    public record Curve(String modality, int epochs, int bestEpoch, double bestValLoss, double bestValAcc, boolean converged) {}

    /**
     * Trains every modality's model in turn; the phase of modality m is {@code budget:<m>}
     * ({@code budget} true: IIBalance's budget models) or {@code pretrain:<m>}.
     */
    public static List<Curve> train(MethodContext ctx, boolean budget) throws InterruptedException {
        MultimodalNetwork net = ctx.network();
        MethodConfig mc = ctx.config().method();
        List<Curve> out = new ArrayList<>();
        for (int m = 0; m < net.modalityCount(); m++) {
            String name = net.modalities().get(m).name();
            TrainingPhase phase = budget ? TrainingPhase.budget(name) : TrainingPhase.pretrain(name);
            ctx.progress().phase(phase, "training the " + name + "-only model until its validation loss stops improving"
                    + (budget ? ", to estimate its budget B_" + name + " (Eq. 1)" : " (unimodal pre-training)"));
            out.add(trainModality(ctx, m, phase, mc.budgetMinEpochs(), mc.budgetMaxEpochs(), mc.budgetPatience()));
        }
        return out;
    }

    /** Trains modality m's encoder and head in place and leaves the weights of the lowest validation loss. */
    static Curve trainModality(MethodContext ctx, int m, TrainingPhase phase, int minEpochs, int maxEpochs, int patience) throws InterruptedException {
        MultimodalNetwork net = ctx.network();
        ExperimentConfig cfg = ctx.config();
        NetModule enc = net.encoder(m);
        NetModule head = net.head(m);
        String name = net.modalities().get(m).name();
        TensorVector params = new TensorVector();
        for (NetModule part : new NetModule[] {enc, head}) {
            TensorVector p = part.trainable();
            for (long i = 0; i < p.size(); i++) params.push_back(p.get(i));
        }
        Optimizer opt = Optimizers.create(params, cfg.training().optimizer(), cfg.training().lr(), cfg.training().weightDecay());
        Evaluations.Logits logits = logitsOf(net, m);
        StoppingRule rule = new StoppingRule(minEpochs, maxEpochs, patience);
        // the run's divergence rule, from this phase's own first loss: an explosion here ends the run
        // diverged (before, only a non-finite validation loss stopped the phase, and the run went on)
        DivergenceRule divergence = new DivergenceRule(cfg.training().divergenceFactor(), phase);
        double bestAcc = Double.NaN;
        ParameterSnapshot bestWeights = null;
        try {
            for (int epoch = 0; !rule.stop(); epoch++) {
                net.train(true);
                double[] lossSum = {0};
                int[] steps = {0};
                long t0 = System.nanoTime();
                final int e = epoch;
                ctx.data().train(-1000 * (m + 1) - epoch, batch -> {
                    ctx.progress().checkCancelled();
                    opt.zero_grad();
                    Tensor loss = Ops.crossEntropy(logits.of(batch), batch.target());
                    loss.backward();
                    opt.step();
                    double value = loss.item_double();
                    String diverged = divergence.check(value, e + 1, steps[0] + 1);
                    if (diverged != null) throw new DivergenceRule.DivergedException(diverged);
                    lossSum[0] += value;
                    steps[0]++;
                    ctx.progress().unimodalStep(phase, e, steps[0], ctx.data().trainBatches());
                });
                double seconds = (System.nanoTime() - t0) / 1e9;
                net.eval();
                Evaluations.Validation val = Evaluations.validation(ctx.data(), logits);
                ctx.progress().unimodalEpoch(phase, epoch + 1, maxEpochs, lossSum[0] / Math.max(1, steps[0]), val.loss(), val.accuracy(),
                        ctx.data().trainClips() / Math.max(1e-9, seconds));
                if (rule.record(val.loss())) {
                    bestAcc = val.accuracy();
                    if (bestWeights != null) bestWeights.close();
                    bestWeights = new ParameterSnapshot(enc, head);
                }
            }
            if (rule.diverged()) {
                ctx.progress().phase(phase, "the " + name + "-only model's validation loss became non-finite at epoch " + rule.epochs()
                        + "; keeping epoch " + rule.bestEpoch());
            }
            if (!rule.converged() && !rule.diverged()) {
                LOG.info("the {}-only model ({}) did not converge: method.budgetMaxEpochs = {} epochs ended it before its validation loss "
                        + "stopped improving (method.budgetPatience); keeping epoch {} (raise method.budgetMaxEpochs for a settled {})", name, phase.label(), maxEpochs,
                        rule.bestEpoch(), phase.isBudget() ? "budget B_" + name : "starting point");
            }
            if (bestWeights != null) bestWeights.restore(enc, head);
        } finally {
            if (bestWeights != null) bestWeights.close();
        }
        net.eval();
        return new Curve(name, rule.epochs(), rule.bestEpoch(), rule.bestLoss(), bestAcc, rule.converged());
    }

    /** f_m(g_m(x_m)). */
    static Evaluations.Logits logitsOf(MultimodalNetwork net, int m) {
        return batch -> net.head(m).forward(net.encoder(m).forward(batch.inputs().get(m)));
    }

    /** The curves as checkpointable plain values (keys {@code pretraining.*}). */
    static Map<String, Object> toState(List<Curve> curves) {
        Map<String, Object> s = new HashMap<>();
        List<String> names = new ArrayList<>();
        double[][] v = new double[5][curves.size()];
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            names.add(c.modality());
            v[0][i] = c.epochs();
            v[1][i] = c.bestEpoch();
            v[2][i] = c.bestValLoss();
            v[3][i] = c.bestValAcc();
            v[4][i] = c.converged() ? 1 : 0;
        }
        s.put("pretraining.modalities", names);
        for (int k = 0; k < v.length; k++) s.put("pretraining.values." + k, v[k]);
        return s;
    }

    /** The curves from {@link #toState} values, or null when there are none. */
    static List<Curve> fromState(Map<String, Object> s) {
        if (!s.containsKey("pretraining.modalities")) return null;
        List<String> names = StateValues.strings(s.get("pretraining.modalities"));
        double[][] v = new double[5][];
        for (int k = 0; k < v.length; k++) v[k] = StateValues.doubles(s.get("pretraining.values." + k));
        List<Curve> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new Curve(names.get(i), (int) v[0][i], (int) v[1][i], v[2][i], v[3][i], v[4][i] != 0));
        }
        return out;
    }
}
