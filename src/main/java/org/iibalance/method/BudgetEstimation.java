package org.iibalance.method;

import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.NetModule;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Optimizers;
import org.iibalance.nn.ParameterSnapshot;

/**
 * Estimates the budget scores B_m (Eq. 1): for each modality, trains its encoder g_m and unimodal
 * classifier f_m alone with cross-entropy until the validation accuracy stops improving
 * ({@code method.budgetPatience} epochs without a better one, after at least {@code method.budgetMinEpochs}
 * and at most {@code method.budgetMaxEpochs}),
 * keeps the best weights (selected on validation), then averages 1 - H(p_m) over the training clips.
 */
public final class BudgetEstimation {
    private BudgetEstimation() {}

    /** Trains the unimodal models in place and returns B_m per modality. */
    public static double[] scores(MethodContext ctx) throws InterruptedException {
        MultimodalNetwork net = ctx.network();
        ExperimentConfig cfg = ctx.config();
        int mCount = net.modalityCount();
        double[] b = new double[mCount];
        for (int m = 0; m < mCount; m++) {
            String name = net.modalities().get(m).name();
            ctx.progress().phase(org.iibalance.run.TrainingPhase.budget(name), "training the " + name + "-only model to estimate its budget B_" + name + " (Eq. 1)");
            b[m] = trainAndScore(ctx, m, cfg.method().budgetMinEpochs(), cfg.method().budgetMaxEpochs(), cfg.method().budgetPatience());
        }
        return b;
    }

    /** Trains modality m's encoder and head; returns B_m of the best (validation) weights. */
    static double trainAndScore(MethodContext ctx, int m, int minEpochs, int maxEpochs, int patience) throws InterruptedException {
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
        Evaluations.Logits logits = batch -> net.head(m).forward(net.encoder(m).forward(batch.inputs().get(m)));
        double best = -1;
        int bad = 0;
        ParameterSnapshot bestWeights = null;
        try {
            for (int epoch = 0; epoch < maxEpochs; epoch++) {
                net.train(true);
                double[] lossSum = {0};
                int[] steps = {0};
                long t0 = System.nanoTime();
                final int e = epoch;
                // shuffles distinct from the multimodal epochs' (negative epoch ids)
                ctx.data().train(-1000 * (m + 1) - epoch, batch -> {
                    ctx.progress().checkCancelled();
                    opt.zero_grad();
                    Tensor loss = Ops.crossEntropy(logits.of(batch), batch.target());
                    loss.backward();
                    opt.step();
                    lossSum[0] += loss.item_double();
                    steps[0]++;
                    ctx.progress().budgetStep(name, e, steps[0], ctx.data().trainBatches());
                });
                double seconds = (System.nanoTime() - t0) / 1e9;
                net.eval();
                double acc = Evaluations.validationAccuracy(ctx.data(), logits);
                ctx.progress().budgetEpoch(name, epoch + 1, maxEpochs, lossSum[0] / Math.max(1, steps[0]), acc,
                        ctx.data().trainClips() / Math.max(1e-9, seconds));
                if (acc > best) {
                    best = acc;
                    bad = 0;
                    if (bestWeights != null) bestWeights.close();
                    bestWeights = new ParameterSnapshot(enc, head);
                } else if (++bad >= patience && epoch + 1 >= minEpochs) {
                    break;
                }
            }
            if (bestWeights != null) bestWeights.restore(enc, head);
        } finally {
            if (bestWeights != null) bestWeights.close();
        }
        net.eval();
        return InformationBudget.score(Evaluations.trainEntropies(ctx.data(), logits));
    }
}
