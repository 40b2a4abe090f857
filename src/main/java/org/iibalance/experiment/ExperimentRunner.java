package org.iibalance.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ConfigProblem;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.DatasetException;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.data.SkippedFile;
import org.iibalance.method.InformationBudget;
import org.iibalance.method.MethodContext;
import org.iibalance.method.MethodProgress;
import org.iibalance.method.Methods;
import org.iibalance.method.StepStats;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Engine;
import org.iibalance.nn.Optimizers;

/**
 * Runs one experiment end to end: validate, load data, create the run folder, let the method
 * prepare (IIBalance: the budget phase), train T epochs with a checkpoint each epoch (last and best,
 * best chosen on validation Acc_m only), then evaluate the best weights once on test and write
 * {@code results.json} and {@code gating.csv}. Events go to the listeners on this thread.
 *
 * <p>A cancelled run keeps its last checkpoint and is marked cancelled; {@link #resume} continues
 * it to the same result as an uninterrupted run. A NaN or infinite loss stops the run as diverged.
 */
public final class ExperimentRunner {
    private final ExperimentConfig cfg;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private CancellationToken cancel = new CancellationToken();
    private Path resumeDir;
    private Path fixedRunDir;
    private long started;

    /** The {@code metrics.csv} column of the validation cross-entropy. */
    static final String VAL_LOSS = "valLoss";

    /** The global libtorch seed is process-wide: networks are built under this lock, seeded. */
    private static final Object INIT_LOCK = new Object();

    public ExperimentRunner(ExperimentConfig cfg) {
        this.cfg = cfg;
    }

    /** A runner that continues the run in {@code runDir} from its last checkpoint, with its own config. */
    public static ExperimentRunner resume(Path runDir) throws ConfigException {
        Path c = runDir.resolve(RunFolder.CONFIG);
        if (!Files.isRegularFile(c)) throw new ConfigException(runDir.toString(), "is not a run folder (no " + RunFolder.CONFIG + ")");
        if (RunFolder.readState(runDir) == RunState.COMPLETED) throw new ConfigException(runDir.toString(), "this run already completed; nothing to resume");
        ExperimentRunner r = new ExperimentRunner(ConfigIO.load(c, List.of()));
        r.resumeDir = runDir;
        return r;
    }

    public ExperimentRunner optListener(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    public ExperimentRunner optCancellation(CancellationToken t) {
        this.cancel = t;
        return this;
    }

    /** Writes into exactly this folder (created; must not hold a run yet) instead of a timestamped one. */
    public ExperimentRunner optRunDir(Path dir) {
        this.fixedRunDir = dir;
        return this;
    }

    public ExperimentConfig config() {
        return cfg;
    }

    /** Refuses a bad configuration before anything starts. */
    public static void validate(ExperimentConfig cfg) throws ConfigException {
        List<ConfigProblem> p = ExperimentValidator.check(cfg);
        if (!p.isEmpty()) throw new ConfigException(p);
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void publish(TrainingEvent e) {
        for (TrainingListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                // a listener's failure must not stop training
                System.err.println("listener failed: " + ex);
            }
        }
    }

    /**
     * Runs the experiment. Configuration and data problems throw before a run folder exists; what
     * happens after is reported in the returned outcome and the folder's {@code state.json}.
     */
    public RunOutcome run() throws ConfigException, DatasetException {
        started = System.nanoTime();
        validate(cfg);
        Engine.threads(cfg.threads());
        String deviceName = Devices.resolve(cfg.device());
        Device device = Devices.of(deviceName);

        publish(new TrainingEvent.PhaseChanged("data", "loading " + cfg.dataset().kind(), elapsed()));
        MultimodalDataset data = Datasets.load(cfg, line -> publish(new TrainingEvent.PhaseChanged("data", line, elapsed())));
        if (data.train().isEmpty() || data.val().isEmpty() || data.test().isEmpty()) {
            throw new DatasetException(cfg.dataset().kind() + ": a split is empty (train " + data.train().size() + ", val " + data.val().size()
                    + ", test " + data.test().size() + " clips)");
        }

        RunFolder folder;
        try {
            if (resumeDir != null) {
                folder = new RunFolder(resumeDir);
            } else if (fixedRunDir != null) {
                if (Files.exists(fixedRunDir.resolve(RunFolder.CONFIG))) {
                    throw new IOException(fixedRunDir + " already holds a run; resume it or choose another folder");
                }
                Files.createDirectories(fixedRunDir);
                folder = new RunFolder(fixedRunDir);
            } else {
                folder = RunFolder.create(Path.of(cfg.output().runsDir()), cfg.name());
            }
            if (resumeDir == null) {
                ConfigIO.write(cfg, folder.file(RunFolder.CONFIG), provenance(data, deviceName));
            }
            writeSkipped(folder, data.skipped());
            folder.writeState(RunState.RUNNING, null, 0);
        } catch (IOException e) {
            throw new DatasetException("cannot write the run folder under " + cfg.output().runsDir() + ": " + e.getMessage(), e);
        }
        return train(folder, data, device, deviceName);
    }

    private RunOutcome train(RunFolder folder, MultimodalDataset data, Device device, String deviceName) {
        TrainingMethod method = Methods.create(cfg.method());
        MultimodalNetwork net;
        synchronized (INIT_LOCK) {
            Engine.seed(cfg.seed());
            net = new MultimodalNetwork(data.modalities(), data.classes(), cfg.model(), method.fusion());
        }
        if (!device.is_cpu()) net.to(device, false);
        Optimizer opt = Optimizers.create(net.trainable(), cfg.training().optimizer(), cfg.training().lr(), cfg.training().weightDecay());
        Batcher batcher = new Batcher(data, device, cfg.training().batchSize(), cfg.seed());
        List<String> mods = data.modalityNames();
        int epochs = cfg.training().epochs();
        int[] epochsDone = {0};
        List<String> extraColumns = new ArrayList<>(List.of(VAL_LOSS));
        extraColumns.addAll(method.controlNames(mods));
        MetricsLog log = new MetricsLog(folder.file(RunFolder.METRICS), mods, extraColumns);
        try {
            int startEpoch = 0;
            double best = -1;
            int bestEpoch = 0;
            long globalStep = 0;
            int stale = 0;
            Path last = folder.checkpoints().resolve("last");
            Path bestDir = folder.checkpoints().resolve("best");
            if (resumeDir != null && Checkpoint.exists(last)) {
                Checkpoint.Meta meta = Checkpoint.load(last, net, opt);
                method.restore(meta.methodState());
                startEpoch = meta.epochsCompleted();
                best = meta.bestValAccuracy();
                bestEpoch = meta.bestEpoch();
                globalStep = meta.globalStep();
                stale = meta.epochsWithoutImprovement();
                MetricsLog.truncateAfterEpoch(folder.file(RunFolder.METRICS), startEpoch);
                publish(new TrainingEvent.PhaseChanged("resume", "resuming after epoch " + startEpoch + " of " + epochs, elapsed()));
            } else if (resumeDir != null) {
                Files.deleteIfExists(folder.file(RunFolder.METRICS)); // stopped before the first checkpoint: start over
            }
            epochsDone[0] = startEpoch;
            log.open();

            MethodContext ctx = new MethodContext(cfg, net, device, batcher, progress(log));
            method.prepare(ctx);

            publish(new TrainingEvent.PhaseChanged("train", "training " + method.name() + " for " + epochs + " epochs on " + deviceName, elapsed()));
            long trainStart = System.nanoTime();
            int epochsRun = 0;
            for (int epoch = startEpoch; epoch < epochs; epoch++) {
                long epochStart = System.nanoTime();
                EpochTotals totals = trainEpoch(method, net, opt, batcher, log, epoch, globalStep, epochsRun, trainStart);
                globalStep += totals.steps();
                double epochSec = (System.nanoTime() - epochStart) / 1e9;
                Evaluation val = Evaluator.evaluate(method, net, batcher, data.val());
                boolean improved = val.accuracy() > best;
                if (improved) {
                    best = val.accuracy();
                    bestEpoch = epoch + 1;
                    stale = 0;
                } else {
                    stale++;
                }
                Checkpoint.Meta meta = new Checkpoint.Meta(epoch + 1, best, bestEpoch, globalStep, stale, method.state());
                if (improved) Checkpoint.save(bestDir, net, null, meta);
                Checkpoint.save(last, net, opt, meta);
                epochsDone[0] = epoch + 1;
                epochsRun++;
                folder.writeState(RunState.RUNNING, null, epoch + 1);
                double cps = data.train().size() / Math.max(1e-9, epochSec);
                double perEpoch = (System.nanoTime() - trainStart) / 1e9 / epochsRun;
                java.util.Map<String, Double> extras = new java.util.HashMap<>(method.epochControl());
                extras.put(VAL_LOSS, val.loss());
                log.row(epoch + 1, globalStep, "epoch", totals.lambda(), totals.lossStageI(), totals.lossStageII(), totals.loss(), val.weightMean(),
                        val.accuracy(), val.modalityAccuracy(), cps, elapsed(), extras);
                publish(new TrainingEvent.EpochCompleted(epoch + 1, epochs, totals.lambda(), totals.loss(), totals.lossStageI(), totals.lossStageII(),
                        totals.weights(), val.accuracy(), val.modalityAccuracy(), val.weightMean(), cps, improved, elapsed(), perEpoch * (epochs - epoch - 1)));
                if (cfg.training().patience() > 0 && stale >= cfg.training().patience()) {
                    publish(new TrainingEvent.PhaseChanged("train", "early stop: no better validation Acc_m for " + stale + " epochs", elapsed()));
                    break;
                }
            }
            double trainSeconds = (System.nanoTime() - trainStart) / 1e9;

            publish(new TrainingEvent.PhaseChanged("test", "evaluating the best epoch (" + bestEpoch + ", chosen on validation) on test", elapsed()));
            Checkpoint.Meta bestMeta = Checkpoint.load(bestDir, net, null);
            method.restore(bestMeta.methodState());
            Evaluation test = Evaluator.evaluate(method, net, batcher, data.test());
            Evaluation train = Evaluator.evaluate(method, net, batcher, data.train());
            Evaluation val = Evaluator.evaluate(method, net, batcher, data.val());
            RunResults results = results(method, data, test, train, val, bestMeta, trainSeconds, deviceName);
            results.write(folder.file(RunFolder.RESULTS));
            writeGating(folder.file(RunFolder.GATING), mods, test);
            writePredictions(folder.file(RunFolder.PREDICTIONS), mods, data.classes(), test);
            folder.writeState(RunState.COMPLETED, null, epochsDone[0]);
            publish(new TrainingEvent.Finished(folder.dir(), results, elapsed()));
            return new RunOutcome(RunState.COMPLETED, folder.dir(), results, null);
        } catch (InterruptedException e) {
            return end(folder, RunState.CANCELLED, "cancelled by the user after " + epochsDone[0] + " completed epochs", epochsDone[0]);
        } catch (DivergedException e) {
            return end(folder, RunState.DIVERGED, e.getMessage(), epochsDone[0]);
        } catch (Exception | OutOfMemoryError e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return end(folder, RunState.FAILED, why, epochsDone[0]);
        } finally {
            try {
                log.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /**
     * One epoch of training steps: each batch checks for cancel, steps the method, stops the run on a
     * non-finite loss, publishes a step event and logs every {@code training.logEvery} steps.
     */
    private EpochTotals trainEpoch(TrainingMethod method, MultimodalNetwork net, Optimizer opt, Batcher batcher, MetricsLog log, int epoch,
            long globalStepBefore, int epochsRunBefore, long trainStart) throws InterruptedException {
        int epochs = cfg.training().epochs();
        int steps = batcher.trainBatches();
        EpochTotals totals = new EpochTotals(net.modalityCount());
        long epochStart = System.nanoTime();
        net.train(true);
        batcher.train(epoch, b -> {
            cancel.check();
            StepStats s = method.trainStep(b, opt, epoch, epochs);
            if (!Double.isFinite(s.loss())) {
                throw new DivergedException(String.format(Locale.ROOT, "the loss became %s at epoch %d, step %d (L_I=%s, L_II=%s); lower training.lr or check the data",
                        Double.isNaN(s.loss()) ? "NaN" : "infinite", epoch + 1, totals.steps() + 1, s.lossStageI(), s.lossStageII()));
            }
            totals.add(s);
            int step = totals.steps();
            long globalStep = globalStepBefore + step;
            double cps = step * (double) cfg.training().batchSize() / Math.max(1e-9, (System.nanoTime() - epochStart) / 1e9);
            double perStep = (System.nanoTime() - trainStart) / 1e9 / Math.max(1, epochsRunBefore * steps + step);
            double eta = perStep * ((epochs - epoch - 1) * (double) steps + (steps - step));
            publish(new TrainingEvent.StepCompleted("train", epoch + 1, epochs, step, steps, globalStep, s.lambda(), s.lossStageI(),
                    s.lossStageII(), s.loss(), s.meanWeights(), cps, elapsed(), eta));
            if (globalStep % cfg.training().logEvery() == 0) {
                try {
                    log.row(epoch + 1, globalStep, "step", s.lambda(), s.lossStageI(), s.lossStageII(), s.loss(), s.meanWeights(), Double.NaN, null, cps, elapsed());
                } catch (IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            }
        });
        return totals;
    }

    private RunOutcome end(RunFolder folder, RunState state, String reason, int epochs) {
        try {
            folder.writeState(state, reason, epochs);
        } catch (IOException io) {
            reason = reason + " (and state.json could not be written: " + io.getMessage() + ")";
        }
        if (state == RunState.CANCELLED) publish(new TrainingEvent.Cancelled(folder.dir(), epochs, elapsed()));
        else publish(new TrainingEvent.Failed(folder.dir(), reason, state == RunState.DIVERGED, elapsed()));
        return new RunOutcome(state, folder.dir(), null, reason);
    }

    private MethodProgress progress(MetricsLog log) {
        return new MethodProgress() {
            @Override
            public void phase(String phase, String description) {
                publish(new TrainingEvent.PhaseChanged(phase, description, elapsed()));
            }

            @Override
            public void budgetEpoch(String modality, int epoch, int maxEpochs, double trainLoss, double valAcc, double cps) {
                unimodalEpoch("budget", modality, epoch, maxEpochs, trainLoss, Double.NaN, valAcc, cps);
            }

            @Override
            public void unimodalEpoch(String phase, String modality, int epoch, int maxEpochs, double trainLoss, double valLoss, double valAcc,
                    double cps) {
                try {
                    log.row(epoch, 0, phase + ":" + modality, Double.NaN, Double.NaN, Double.NaN, trainLoss, null, valAcc, null, cps, elapsed(),
                            java.util.Map.of(VAL_LOSS, valLoss));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                publish(new TrainingEvent.BudgetEpoch(modality, epoch, maxEpochs, trainLoss, valAcc, cps, elapsed()));
            }

            @Override
            public void budgetStep(String modality, int epoch, int step, int steps) {
                publish(new TrainingEvent.StepCompleted("budget:" + modality, epoch + 1, cfg.method().budgetMaxEpochs(), step, steps, step,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, elapsed(), Double.NaN));
            }

            @Override
            public void budget(InformationBudget b) {
                publish(new TrainingEvent.BudgetEstimated(b.modalities(), b.scores(), b.prior(), b.anchor(), elapsed()));
            }

            @Override
            public void checkCancelled() throws InterruptedException {
                cancel.check();
            }
        };
    }

    private RunResults results(TrainingMethod method, MultimodalDataset data, Evaluation test, Evaluation train, Evaluation val,
            Checkpoint.Meta best, double trainSeconds, String device) {
        RunResults r = new RunResults();
        List<String> mods = data.modalityNames();
        r.put("method", method.name()).put("dataset", data.name()).put("seed", cfg.seed()).put("name", cfg.name());
        r.put("test.accMultimodal", test.accuracy());
        double sum = test.accuracy();
        int n = 1;
        for (int m = 0; m < mods.size(); m++) {
            double a = test.modalityAccuracy()[m];
            r.put("test.acc." + mods.get(m), a);
            if (!Double.isNaN(a)) {
                sum += a;
                n++;
            }
        }
        r.put("test.accAudio", data.modalityIndex("audio") >= 0 ? test.modalityAccuracy()[data.modalityIndex("audio")] : Double.NaN);
        r.put("test.accVisual", data.modalityIndex("visual") >= 0 ? test.modalityAccuracy()[data.modalityIndex("visual")] : Double.NaN);
        // Table I's Avg: the mean of Acc_m, Acc_a and Acc_v
        r.put("test.accAvg", n == mods.size() + 1 ? sum / n : Double.NaN);
        r.put("test.unimodalProtocol", method.unimodalProtocol());
        r.put("test.clips", data.test().size());
        r.put("val.accMultimodal", best.bestValAccuracy());
        r.put("val.bestEpoch", best.bestEpoch());
        InformationBudget b = method.budget();
        for (int m = 0; m < mods.size(); m++) {
            r.put("budget.entropyScore." + mods.get(m), b == null ? null : b.scores()[m]);
            r.put("budget.beta." + mods.get(m), b == null ? null : b.prior()[m]);
        }
        r.put("budget.anchor", b == null ? null : b.anchorName());
        r.put("budget.tau", b == null ? null : b.tau());
        // the unimodal models every method started from (IIBalance: its budget models), see UnimodalPretraining
        r.put("pretraining.mode", cfg.method().unimodalPretraining());
        r.put("pretraining.fusionWarmStart", cfg.method().fusionWarmStart());
        for (org.iibalance.method.UnimodalPretraining.Curve c : method.pretraining()) {
            String k = "pretraining." + c.modality() + ".";
            r.put(k + "epochs", c.epochs()).put(k + "bestEpoch", c.bestEpoch()).put(k + "valLoss", c.bestValLoss()).put(k + "valAcc", c.bestValAcc())
                    .put(k + "converged", c.converged());
        }
        for (int m = 0; m < mods.size(); m++) {
            r.put("fusionWeightMean." + mods.get(m), test.weightMean() == null ? null : test.weightMean()[m]);
            r.put("fusionWeightMeanBySplit.train." + mods.get(m), train.weightMean() == null ? null : train.weightMean()[m]);
            r.put("fusionWeightMeanBySplit.val." + mods.get(m), val.weightMean() == null ? null : val.weightMean()[m]);
            r.put("fusionWeightMeanBySplit.test." + mods.get(m), test.weightMean() == null ? null : test.weightMean()[m]);
        }
        r.put("trainSeconds", trainSeconds);
        r.put("device", device);
        r.put("epochs", best.epochsCompleted());
        r.put("dataFingerprint", data.fingerprint());
        return r;
    }

    private static void writeGating(Path file, List<String> mods, Evaluation test) throws IOException {
        StringBuilder b = new StringBuilder("id,label,prediction,correct");
        for (String m : mods) b.append(",weight_").append(m);
        for (String m : mods) b.append(",u_").append(m);
        for (String m : mods) b.append(",prediction_").append(m);
        b.append('\n');
        for (Evaluation.ClipOutput c : test.clips()) {
            b.append(c.id()).append(',').append(c.label()).append(',').append(c.prediction()).append(',').append(c.correct());
            for (int m = 0; m < mods.size(); m++) b.append(',').append(c.weights() == null ? "" : String.format(Locale.ROOT, "%.6f", c.weights()[m]));
            for (int m = 0; m < mods.size(); m++) b.append(',').append(c.uncertainty() == null ? "" : String.format(Locale.ROOT, "%.6f", c.uncertainty()[m]));
            for (int m = 0; m < mods.size(); m++) b.append(',').append(c.modalityPredictions()[m] < 0 ? "" : Integer.toString(c.modalityPredictions()[m]));
            b.append('\n');
        }
        ConfigIO.writeAtomically(file, b.toString());
    }

    /** Class probabilities of every test clip from the fused branch and from each head (for the inspector). */
    private static void writePredictions(Path file, List<String> mods, int classes, Evaluation test) throws IOException {
        StringBuilder b = new StringBuilder("id,head");
        for (int c = 0; c < classes; c++) b.append(",p").append(c);
        b.append('\n');
        for (Evaluation.ClipOutput c : test.clips()) {
            probs(b, c.id(), "fused", c.fusedProbs());
            for (int m = 0; m < mods.size(); m++) if (c.modalityProbs()[m] != null) probs(b, c.id(), mods.get(m), c.modalityProbs()[m]);
        }
        ConfigIO.writeAtomically(file, b.toString());
    }

    private static void probs(StringBuilder b, String id, String head, float[] p) {
        b.append(id).append(',').append(head);
        for (float v : p) b.append(',').append(String.format(Locale.ROOT, "%.5f", v));
        b.append('\n');
    }

    private static void writeSkipped(RunFolder folder, List<SkippedFile> skipped) throws IOException {
        if (skipped.isEmpty()) return;
        try (BufferedWriter w = Files.newBufferedWriter(folder.file(RunFolder.REPORT), StandardCharsets.UTF_8)) {
            w.write("# files skipped while preparing the data: file: reason\n");
            for (SkippedFile s : skipped) w.write(s + "\n");
        }
    }

    private String provenance(MultimodalDataset data, String device) {
        List<String> lines = new ArrayList<>();
        lines.add("IIBalance Workbench run configuration (resolved; rerun with: train --config config.yaml)");
        lines.add("workbench " + Version.get() + ", " + Engine.version() + ", Java " + System.getProperty("java.version"));
        lines.add("device " + device + "; dataset " + data.name() + " fingerprint " + data.fingerprint() + ": " + data.train().size() + " train, "
                + data.val().size() + " val, " + data.test().size() + " test clips");
        return String.join("\n", lines);
    }

    /** Thrown inside the loop when the loss is not finite. */
    static final class DivergedException extends RuntimeException {
        DivergedException(String m) {
            super(m);
        }
    }
}
