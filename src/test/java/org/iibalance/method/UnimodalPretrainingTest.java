package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.TensorVector;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.experiment.Batcher;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.run.Results;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Engine;
import org.iibalance.nn.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code method.unimodalPretraining} gives every method the same start: with {@code all}, IIBalance's
 * budget models and a baseline's pre-training leave identical encoders and heads (same seed); with
 * {@code none}, every method starts from the initial weights.
 */
class UnimodalPretrainingTest {
    static final List<String> TINY = List.of("dataset.synthetic.trainClips=96", "dataset.synthetic.valClips=48", "dataset.synthetic.testClips=48",
            "model.channels=8", "model.featureDim=16", "model.poolDim=4", "model.gateHidden=8", "training.epochs=2", "threads=1",
            "method.budgetMaxEpochs=3", "method.budgetMinEpochs=2", "method.budgetPatience=1");

    static ExperimentConfig config(String... extra) throws Exception {
        List<String> o = new ArrayList<>(TINY);
        o.addAll(List.of(extra));
        return ConfigIO.withOverrides(ExperimentConfig.defaults(), o);
    }

    /** Builds the network as the runner does, lets the method prepare, and returns the flattened encoder and head weights. */
    static float[] startingWeights(ExperimentConfig cfg) throws Exception {
        Engine.threads(cfg.threads());
        MultimodalDataset data = Datasets.load(cfg, s -> {});
        TrainingMethod method = Methods.create(cfg.method());
        MultimodalNetwork net;
        Engine.seed(cfg.seed());
        net = new MultimodalNetwork(data.modalities(), data.classes(), cfg.model(), method.fusion());
        Device cpu = Devices.of("cpu");
        method.prepare(new MethodContext(cfg, net, cpu, new Batcher(data, cpu, cfg.training().batchSize(), cfg.seed()), MethodProgress.NONE));
        List<Float> all = new ArrayList<>();
        for (int m = 0; m < net.modalityCount(); m++) {
            for (org.iibalance.nn.NetModule part : List.of(net.encoder(m), net.head(m))) {
                TensorVector p = part.trainable();
                for (long i = 0; i < p.size(); i++) for (float v : Tensors.toFloats(p.get(i))) all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) out[i] = all.get(i);
        return out;
    }

    @Test
    void everyMethodStartsFromTheSamePretrainedEncoders() throws Exception {
        float[] iib = startingWeights(config("method.name=iibalance"));
        float[] joint = startingWeights(config("method.name=joint"));
        float[] ogm = startingWeights(config("method.name=ogm-ge"));
        assertArrayEquals(iib, joint, "IIBalance's budget models and joint training's pre-training leave the same encoders and heads");
        assertArrayEquals(iib, ogm, "and so does OGM-GE's");
        float[] cold = startingWeights(config("method.name=joint", "method.unimodalPretraining=none"));
        assertFalse(java.util.Arrays.equals(cold, joint), "the pre-training moved the weights");
        // none: every method starts from the initial weights (IIBalance restores them after its budget models)
        assertArrayEquals(cold, startingWeights(config("method.name=iibalance", "method.unimodalPretraining=none")));
    }

    @Test
    void fusionWarmStartMakesTheFusedLogitsTheSumOfTheHeads(@TempDir Path tmp) throws Exception {
        ExperimentConfig cfg = config("method.name=joint", "method.fusionWarmStart=true");
        MultimodalDataset data = Datasets.load(cfg, s -> {});
        TrainingMethod method = Methods.create(cfg.method());
        Engine.seed(cfg.seed());
        MultimodalNetwork net = new MultimodalNetwork(data.modalities(), data.classes(), cfg.model(), method.fusion());
        Device cpu = Devices.of("cpu");
        Batcher batcher = new Batcher(data, cpu, 8, cfg.seed());
        method.prepare(new MethodContext(cfg, net, cpu, batcher, MethodProgress.NONE));
        net.eval();
        org.iibalance.model.Batch b = batcher.batch(data.val().subList(0, 8));
        try (org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
            List<org.bytedeco.pytorch.Tensor> z = net.encode(b);
            float[] fused = Tensors.toFloats(ConcatSlices.fusedLogits(net, z));
            List<org.bytedeco.pytorch.Tensor> heads = net.unimodalLogits(z);
            float[] a = Tensors.toFloats(heads.get(0)), v = Tensors.toFloats(heads.get(1));
            for (int i = 0; i < fused.length; i++) assertEquals(a[i] + v[i], fused[i], 1e-4, "fused logit " + i);
        }
    }

    @Test
    void budgetCurveAndPretrainingFiguresAreInTheRunFolder(@TempDir Path tmp) throws Exception {
        RunOutcome o = new ExperimentRunner(config("method.name=agm", "output.runsDir=" + tmp, "training.logEvery=1000")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        List<String> lines = Files.readAllLines(o.runDir().resolve("metrics.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int valLoss = header.indexOf("valLoss"), valAcc = header.indexOf("valAcc_multimodal");
        assertTrue(valLoss > 0 && header.contains("ctrl_k_audio"), lines.get(0));
        Results r = RunSummary.results(o.runDir());
        for (String m : List.of("audio", "visual")) {
            List<String[]> rows = lines.stream().map(l -> l.split(",", -1)).filter(c -> c[2].equals("pretrain:" + m)).toList();
            Results.Curve curve = r.pretraining().models().get(m);
            assertEquals((int) curve.epochs(), rows.size(), "one metrics row per pre-training epoch of " + m);
            // the kept epoch is the one of the lowest validation loss, and results.json has its figures
            int best = 0;
            for (int i = 1; i < rows.size(); i++) if (Double.parseDouble(rows.get(i)[valLoss]) < Double.parseDouble(rows.get(best)[valLoss])) best = i;
            assertEquals(best + 1, (int) curve.bestEpoch());
            assertEquals(Double.parseDouble(rows.get(best)[valLoss]), curve.valLoss(), 1e-4);
            assertEquals(Double.parseDouble(rows.get(best)[valAcc]), curve.valAcc(), 1e-4);
        }
        // epoch rows carry the validation loss of the fused prediction
        assertTrue(lines.stream().map(l -> l.split(",", -1)).filter(c -> c[2].equals("epoch")).allMatch(c -> Double.parseDouble(c[valLoss]) > 0));
    }
}
