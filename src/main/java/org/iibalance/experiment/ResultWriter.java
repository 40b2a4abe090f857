package org.iibalance.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iibalance.config.MethodConfig;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.method.InformationBudget;
import org.iibalance.method.TrainingMethod;
import org.iibalance.method.UnimodalPretraining;
import org.iibalance.run.CheckpointState;
import org.iibalance.run.GatingTable;
import org.iibalance.run.PredictionsTable;
import org.iibalance.run.Provenance;
import org.iibalance.run.Results;
import org.iibalance.run.RunFolder;

/**
 * Turns the final evaluations of a run (the best epoch, chosen on validation, evaluated once on test;
 * its train and validation fusion weights for Fig. 3) into the run folder's typed files:
 * {@link Results}, the {@link GatingTable} and the {@link PredictionsTable} of the test clips.
 */
final class ResultWriter {
    private final TrainingMethod method;
    private final MultimodalDataset data;
    private final List<String> mods;
    private final String pretrainingMode;
    private final boolean fusionWarmStart;

    ResultWriter(TrainingMethod method, MultimodalDataset data, MethodConfig config) {
        this.method = method;
        this.pretrainingMode = config.unimodalPretraining();
        this.fusionWarmStart = config.fusionWarmStart();
        this.data = data;
        this.mods = data.modalityNames();
    }

    /** Writes the results, the gating table and the predictions table; returns the results. */
    Results write(RunFolder folder, long seed, String name, Evaluation test, Evaluation train, Evaluation val, CheckpointState best,
            double trainSeconds, String device, Provenance provenance) throws IOException {
        Results r = results(seed, name, test, train, val, best, trainSeconds, device, provenance);
        folder.writeResults(r);
        folder.writeGating(gating(test));
        folder.writePredictions(predictions(test));
        return r;
    }

    Results results(long seed, String name, Evaluation test, Evaluation train, Evaluation val, CheckpointState best, double trainSeconds,
            String device, Provenance provenance) {
        Results.Builder r = Results.builder().run(method.name(), data.name(), seed, name);
        testBlock(r, test, method, data, data.test().size());
        r.validation(best.bestValAccuracy(), best.bestEpoch());
        InformationBudget b = method.budget();
        for (int m = 0; m < mods.size(); m++) r.budget(mods.get(m), b == null ? null : b.scores()[m], b == null ? null : b.prior()[m]);
        r.anchor(b == null ? null : b.anchorName());
        r.tau(b == null ? null : b.tau());
        // the unimodal models every method started from (IIBalance: its budget models), see UnimodalPretraining
        r.pretraining(pretrainingMode, fusionWarmStart);
        for (UnimodalPretraining.Curve c : method.pretraining()) {
            r.pretrained(c.modality(), c.epochs(), c.bestEpoch(), c.bestValLoss(), c.bestValAcc(), c.converged());
        }
        for (int m = 0; m < mods.size(); m++) {
            String mod = mods.get(m);
            r.weightMean(mod, at(test.weightMean(), m));
            r.weightMean("train", mod, at(train.weightMean(), m));
            r.weightMean("val", mod, at(val.weightMean(), m));
            r.weightMean("test", mod, at(test.weightMean(), m));
        }
        // dataFingerprint: the content fingerprint of the data (DataFingerprint), no longer the loader's 32-bit hash of ids
        return r.trainSeconds(trainSeconds).device(device).epochs(best.epochsCompleted())
                .dataFingerprint(provenance == null ? data.contentFingerprint() : provenance.dataFingerprint()).capabilities(method.capabilities())
                .provenance(provenance).build();
    }

    /**
     * The {@code test} block's figures of an evaluation (also {@code evaluation.json}'s, so that
     * {@code evaluate} reproduces results.json with the same arithmetic).
     */
    static void testBlock(Results.Builder r, Evaluation test, TrainingMethod method, MultimodalDataset data, int clips) {
        List<String> mods = data.modalityNames();
        r.accMultimodal(test.accuracy());
        double sum = test.accuracy();
        int n = 1;
        for (int m = 0; m < mods.size(); m++) {
            double a = test.modalityAccuracy()[m];
            r.accuracy(mods.get(m), a);
            if (!Double.isNaN(a)) {
                sum += a;
                n++;
            }
        }
        int audio = data.modalityIndex("audio"), visual = data.modalityIndex("visual");
        r.accAudioVisual(audio >= 0 ? test.modalityAccuracy()[audio] : Double.NaN, visual >= 0 ? test.modalityAccuracy()[visual] : Double.NaN);
        // Table I's Avg: the mean of Acc_m and every modality's accuracy (Acc_m, Acc_a, Acc_v for two)
        r.accAvg(n == mods.size() + 1 ? sum / n : Double.NaN);
        r.unimodalProtocol(method.unimodalProtocol()).testClips(clips);
    }

    static Double at(double[] a, int m) {
        return a == null ? null : a[m];
    }

    GatingTable gating(Evaluation test) {
        List<GatingTable.Row> rows = new ArrayList<>();
        for (Evaluation.ClipOutput c : test.clips()) {
            Map<String, Double> w = new LinkedHashMap<>(), u = new LinkedHashMap<>();
            Map<String, Integer> p = new LinkedHashMap<>();
            for (int m = 0; m < mods.size(); m++) {
                w.put(mods.get(m), c.weights() == null ? Double.NaN : c.weights()[m]);
                u.put(mods.get(m), c.uncertainty() == null ? Double.NaN : c.uncertainty()[m]);
                p.put(mods.get(m), c.modalityPredictions()[m]);
            }
            rows.add(new GatingTable.Row(c.id(), c.label(), c.prediction(), c.correct(), w, u, p));
        }
        return new GatingTable(mods, rows);
    }

    /** Class probabilities of every test clip from the fused branch and from each head (for the inspector). */
    PredictionsTable predictions(Evaluation test) {
        List<PredictionsTable.Row> rows = new ArrayList<>();
        for (Evaluation.ClipOutput c : test.clips()) {
            rows.add(new PredictionsTable.Row(c.id(), PredictionsTable.FUSED, c.fusedProbs()));
            for (int m = 0; m < mods.size(); m++) if (c.modalityProbs()[m] != null) rows.add(new PredictionsTable.Row(c.id(), mods.get(m), c.modalityProbs()[m]));
        }
        return new PredictionsTable(data.classes(), rows);
    }
}
