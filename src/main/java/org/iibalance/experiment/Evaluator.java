package org.iibalance.experiment;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.data.Clip;
import org.iibalance.method.Prediction;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Tensors;

/** Evaluates a method on a list of clips: accuracies, mean fusion weights and per-clip outputs. */
public final class Evaluator {
    private Evaluator() {}

    public static Evaluation evaluate(TrainingMethod method, MultimodalNetwork net, Batcher batcher, List<Clip> clips)
            throws InterruptedException {
        int mCount = net.modalityCount();
        int classes = net.classes();
        List<Evaluation.ClipOutput> rows = new ArrayList<>(clips.size());
        int[] correct = new int[1];
        int[] modCorrect = new int[mCount];
        boolean[] hasModality = new boolean[mCount];
        double[] wSum = new double[mCount];
        boolean[] hasWeights = {false};
        net.eval();
        try (NoGradGuard g = new NoGradGuard()) {
            batcher.run(clips, b -> {
                Prediction p = method.predict(b);
                float[] fused = Tensors.toFloats(Ops.softmax(p.fused()));
                float[][] mods = new float[mCount][];
                for (int m = 0; m < mCount; m++) {
                    Tensor l = p.unimodal() == null ? null : p.unimodal().get(m);
                    if (l != null) {
                        mods[m] = Tensors.toFloats(Ops.softmax(l));
                        hasModality[m] = true;
                    }
                }
                float[] w = p.weights() == null ? null : Tensors.toFloats(p.weights());
                float[] u = p.uncertainty() == null ? null : Tensors.toFloats(p.uncertainty());
                for (int i = 0; i < b.size(); i++) {
                    int pred = argmax(fused, i * classes, classes);
                    if (pred == b.labels()[i]) correct[0]++;
                    int[] modPred = new int[mCount];
                    float[][] modProbs = new float[mCount][];
                    for (int m = 0; m < mCount; m++) {
                        if (mods[m] == null) {
                            modPred[m] = -1;
                            continue;
                        }
                        modPred[m] = argmax(mods[m], i * classes, classes);
                        if (modPred[m] == b.labels()[i]) modCorrect[m]++;
                        modProbs[m] = java.util.Arrays.copyOfRange(mods[m], i * classes, (i + 1) * classes);
                    }
                    double[] wi = null, ui = null;
                    if (w != null) {
                        wi = new double[mCount];
                        for (int m = 0; m < mCount; m++) {
                            wi[m] = w[i * mCount + m];
                            wSum[m] += wi[m];
                        }
                        hasWeights[0] = true;
                    }
                    if (u != null) {
                        ui = new double[mCount];
                        for (int m = 0; m < mCount; m++) ui[m] = u[i * mCount + m];
                    }
                    rows.add(new Evaluation.ClipOutput(b.ids().get(i), b.labels()[i], pred, modPred, wi, ui,
                            java.util.Arrays.copyOfRange(fused, i * classes, (i + 1) * classes), modProbs));
                }
            });
        }
        int n = Math.max(1, clips.size());
        double[] modAcc = new double[mCount];
        double[] wMean = hasWeights[0] ? new double[mCount] : null;
        for (int m = 0; m < mCount; m++) {
            modAcc[m] = hasModality[m] ? (double) modCorrect[m] / n : Double.NaN;
            if (wMean != null) wMean[m] = wSum[m] / n;
        }
        return new Evaluation((double) correct[0] / n, modAcc, wMean, rows);
    }

    private static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
        return best;
    }
}
