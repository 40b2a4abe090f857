package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.iibalance.method.DivergenceRule;
import org.iibalance.method.InformationBudget;
import org.iibalance.method.MethodContext;
import org.iibalance.method.MethodProgress;
import org.iibalance.method.Methods;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Engine;
import org.iibalance.nn.Optimizers;
import org.iibalance.run.CheckpointState;
import org.iibalance.run.MetricsLog;
import org.iibalance.run.MetricsTable;
import org.iibalance.run.Provenance;
import org.iibalance.run.Results;
import org.iibalance.run.RunFiles;
import org.iibalance.run.RunFolder;
import org.iibalance.run.RunLock;
import org.iibalance.run.RunLog;
import org.iibalance.run.RunLogRoute;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.iibalance.run.TrainingPhase;

/**
 * Runs one experiment end to end: validate, load data, create the run folder, let the method
 * prepare (IIBalance: the budget phase), train T epochs ({@link TrainingLoop}: a checkpoint each
 * epoch, last and best, best chosen on validation Acc_m only), then evaluate the best weights once on
 * test and write the results and the per-clip tables ({@link ResultWriter}). Events go to the
 * listeners on this thread.
 *
 * <p>A cancelled run keeps its last checkpoint and is marked cancelled; {@link #resume} continues
 * it to the same result as an uninterrupted run. A NaN or infinite loss stops the run as diverged.
 */
public final class ExperimentRunner {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExperimentRunner.class);
    private final ExperimentConfig cfg;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private CancellationToken cancel = new CancellationToken();
    private Path resumeDir;
    private Path fixedRunDir;
    private long started;
    private final EventSink sink = new EventSink() {
        @Override
        public void publish(TrainingEvent e) {
            ExperimentRunner.this.publish(e);
        }

        @Override
        public double elapsed() {
            return ExperimentRunner.this.elapsed();
        }
    };

    /** The global libtorch seed is process-wide: networks are built under this lock, seeded. */
    static final Object INIT_LOCK = new Object();

    public ExperimentRunner(ExperimentConfig cfg) {
        this.cfg = cfg;
    }

    /** A runner that continues the run in {@code runDir} from its last checkpoint, with its own config. */
    public static ExperimentRunner resume(Path runDir) throws ConfigException {
        try {
            RunFolder.reopen(runDir);
        } catch (IOException e) {
            throw new ConfigException(runDir.toString(), RunFolder.NOT_A_RUN);
        }
        if (completed(runDir)) throw new ConfigException(runDir.toString(), "this run already completed; nothing to resume");
        ExperimentRunner r = new ExperimentRunner(ConfigIO.load(RunFiles.config(runDir), List.of()));
        r.resumeDir = runDir;
        return r;
    }

    /** Whether the folder holds a completed run (its recorded state says so). */
    static boolean completed(Path runDir) {
        try {
            return RunSummary.stateOf(runDir).state() == RunState.COMPLETED;
        } catch (IOException e) {
            return false;
        }
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
                LOG.warn("a training listener failed (training goes on): {}", ex.toString());
            }
        }
    }

    /**
     * Runs the experiment. Configuration and data problems throw before a run folder exists; what
     * happens after is reported in the returned outcome and the folder's recorded state.
     */
    public RunOutcome run() throws ConfigException, DatasetException {
        // every line this run logs (on this thread and the workers it starts) goes into its run.log too
        try (RunLogRoute route = RunLogRoute.open()) {
            RunLogListener logListener = new RunLogListener(route);
            listeners.add(0, logListener);
            try {
                return run(route);
            } finally {
                listeners.remove(logListener);
            }
        }
    }

    private RunOutcome run(RunLogRoute route) throws ConfigException, DatasetException {
        started = System.nanoTime();
        validate(cfg);
        String outProblem = resumeDir == null && fixedRunDir == null ? RunFolder.runsDirProblem(Path.of(cfg.output().runsDir())) : null;
        if (outProblem != null) throw new ConfigException("output.runsDir (--out)", outProblem);
        Engine.threads(cfg.threads());
        String deviceName = Devices.resolve(cfg.device());
        Device device = Devices.of(deviceName);

        publish(new TrainingEvent.PhaseChanged(TrainingPhase.DATA, "loading " + cfg.dataset().kind(), elapsed()));
        MultimodalDataset data = Datasets.load(cfg, line -> publish(new TrainingEvent.PhaseChanged(TrainingPhase.DATA, line, elapsed())));
        if (data.train().isEmpty() || data.val().isEmpty() || data.test().isEmpty()) {
            throw new DatasetException(cfg.dataset().kind() + ": a split is empty (train " + data.train().size() + ", val " + data.val().size()
                    + ", test " + data.test().size() + " clips)");
        }

        Provenance provenance = Provenance.now(Version.get(), Engine.libtorchVersion(), Engine.javacppVersion(), resumeDir != null,
                data.contentFingerprint());
        RunFolder folder;
        RunLock lock = null;
        int epochsBefore = 0;
        try {
            if (resumeDir != null) {
                folder = RunFolder.reopen(resumeDir);
                lock = lockOrRefuse(folder);
                epochsBefore = recordedEpochs(folder);
            } else {
                folder = fixedRunDir != null ? RunFolder.createAt(fixedRunDir) : RunFolder.create(Path.of(cfg.output().runsDir()), cfg.name());
                lock = lockOrRefuse(folder);
                folder.writeConfig(cfg, header(data, deviceName, provenance));
            }
            folder.writePreprocessingReport(data.skipped().stream().map(String::valueOf).toList());
            folder.writeState(RunState.RUNNING, null, epochsBefore);
        } catch (IOException e) {
            closeQuietly(lock);
            throw new DatasetException("cannot write the run folder under " + (resumeDir != null ? resumeDir : fixedRunDir != null ? fixedRunDir
                    : cfg.output().runsDir()) + ": " + e.getMessage(), e);
        } catch (ConfigException e) {
            closeQuietly(lock);
            throw e;
        }
        try (RunLog runLog = folder.openLog()) {
            route.attach(runLog); // first the lines of the data phase (with their times), then the rest as they come
            runLog.line((resumeDir != null ? "resumed" : "started") + " by " + provenance.commandLine());
            runLog.line(provenance.headerLines());
            publish(new TrainingEvent.RunStarted(folder.dir(), resumeDir != null, data.modalityNames(), data.train().size(), elapsed()));
            return train(folder, data, device, deviceName, provenance, epochsBefore);
        } finally {
            closeQuietly(lock);
        }
    }

    /** The folder's lock, or a refusal naming the folder and the run that holds it. */
    private static RunLock lockOrRefuse(RunFolder folder) throws IOException, ConfigException {
        try {
            return folder.lock();
        } catch (RunLock.HeldException held) {
            throw new ConfigException("run folder", held.getMessage());
        }
    }

    /** The epochs a stopped run's {@code state.json} records (kept when its resume fails). */
    private static int recordedEpochs(RunFolder folder) {
        try {
            return folder.state().epochsCompleted();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void closeQuietly(RunLock lock) {
        if (lock == null) return;
        try {
            lock.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        }
    }

    private RunOutcome train(RunFolder folder, MultimodalDataset data, Device device, String deviceName, Provenance provenance, int epochsBefore) {
        TrainingMethod method = Methods.create(cfg.method());
        MultimodalNetwork net;
        synchronized (INIT_LOCK) {
            Engine.seed(cfg.seed());
            net = new MultimodalNetwork(data.modalities(), data.classes(), cfg.model(), method.fusion());
        }
        if (!device.is_cpu()) net.to(device, false);
        Optimizer opt = Optimizers.create(net.trainable(), cfg.training().optimizer(), cfg.training().lr(), cfg.training().weightDecay());
        Batcher batcher = new Batcher(data, device, cfg.training().batchSize(), cfg.seed(), cfg.dataset().visual().framesPerClip(),
                cfg.dataset().visual().augment());
        List<String> mods = data.modalityNames();
        int epochs = cfg.training().epochs();
        List<String> extraColumns = new ArrayList<>(List.of(TrainingLoop.VAL_LOSS));
        extraColumns.addAll(method.controlNames(mods));
        MetricsLog log = folder.metricsLog(mods, extraColumns);
        TrainingLoop loop = new TrainingLoop(cfg, method, net, opt, batcher, data, folder, log, sink, cancel);
        try {
            if (resumeDir != null && folder.recoverCheckpoints()) {
                CheckpointState meta = Checkpoint.load(folder.lastCheckpoint(), net, opt);
                method.restore(meta.methodState());
                loop.resumeFrom(meta);
                folder.truncateMetricsAfterEpoch(meta.epochsCompleted());
                publish(new TrainingEvent.PhaseChanged(TrainingPhase.RESUME, "resuming after epoch " + meta.epochsCompleted() + " of " + epochs, elapsed()));
            } else if (resumeDir != null) {
                folder.deleteMetrics(); // stopped before the first checkpoint: start over
            }
            log.open();

            publish(new TrainingEvent.RunPlanned(mods, method.capabilities(), method.capabilities().budgetPrior() ? cfg.method().budgetMaxEpochs() : 0,
                    epochs, batcher.trainBatches(), elapsed()));
            MethodContext ctx = new MethodContext(cfg, net, device, batcher, progress(log));
            method.prepare(ctx);

            publish(new TrainingEvent.TrainingStarted(method.name(), deviceName, epochs, mods, method.capabilities(), elapsed()));
            publish(new TrainingEvent.PhaseChanged(TrainingPhase.TRAIN, "training " + method.name() + " for " + epochs + " epochs on " + deviceName, elapsed()));
            TrainingLoop.Outcome trained = loop.run();
            publish(new TrainingEvent.PhaseChanged(TrainingPhase.TRAIN, String.format(java.util.Locale.ROOT,
                    "data wait: %.1f%% of the training passes (batch loader: %d worker(s), %d batches ahead)", 100 * trained.dataWaitFraction(),
                    Batcher.LOADER_WORKERS, Batcher.BATCHES_AHEAD), elapsed()));

            publish(new TrainingEvent.PhaseChanged(TrainingPhase.TEST, "evaluating the best epoch (" + trained.bestEpoch() + ", chosen on validation) on test", elapsed()));
            CheckpointState bestMeta = Checkpoint.load(folder.bestCheckpoint(), net, null);
            method.restore(bestMeta.methodState());
            Evaluation test = Evaluator.evaluate(method, net, batcher, data.test());
            Evaluation train = Evaluator.evaluate(method, net, batcher, data.train());
            Evaluation val = Evaluator.evaluate(method, net, batcher, data.val());
            Results results = new ResultWriter(method, data, cfg.method()).write(folder, cfg.seed(), cfg.name(), test, train, val, bestMeta, trained.trainSeconds(),
                    deviceName, provenance.endedNow());
            folder.writeState(RunState.COMPLETED, null, loop.epochsDone());
            publish(new TrainingEvent.Finished(folder.dir(), results, elapsed()));
            return new RunOutcome(RunState.COMPLETED, folder.dir(), results, null);
        } catch (InterruptedException e) {
            int done = Math.max(loop.epochsDone(), epochsBefore);
            return end(folder, RunState.CANCELLED, "cancelled by the user after " + done + " completed epochs", done);
        } catch (DivergenceRule.DivergedException e) {
            return end(folder, RunState.DIVERGED, e.getMessage(), Math.max(loop.epochsDone(), epochsBefore));
        } catch (Exception | OutOfMemoryError e) {
            // a resume that could not read its checkpoint keeps the epochs the folder recorded
            return end(folder, RunState.FAILED, reason(e), Math.max(loop.epochsDone(), epochsBefore));
        } finally {
            try {
                log.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** A failure as one line: an I/O failure's message names the file (and the free space); others add the exception's name. */
    static String reason(Throwable e) {
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) e = u.getCause();
        if (e instanceof IOException && e.getMessage() != null) return e.getMessage();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private RunOutcome end(RunFolder folder, RunState state, String reason, int epochs) {
        try {
            folder.writeState(state, reason, epochs);
        } catch (IOException io) {
            reason = reason + " (and the run state could not be written: " + io.getMessage() + ")";
        }
        if (state == RunState.CANCELLED) publish(new TrainingEvent.Cancelled(folder.dir(), epochs, elapsed()));
        else publish(new TrainingEvent.Failed(folder.dir(), reason, state == RunState.DIVERGED, elapsed()));
        return new RunOutcome(state, folder.dir(), null, reason);
    }

    private MethodProgress progress(MetricsLog log) {
        return new MethodProgress() {
            @Override
            public void phase(TrainingPhase phase, String description) {
                publish(new TrainingEvent.PhaseChanged(phase, description, elapsed()));
            }

            @Override
            public void budgetEpoch(String modality, int epoch, int maxEpochs, double trainLoss, double valAcc, double cps) {
                unimodalEpoch(TrainingPhase.budget(modality), epoch, maxEpochs, trainLoss, Double.NaN, valAcc, cps);
            }

            @Override
            public void unimodalEpoch(TrainingPhase phase, int epoch, int maxEpochs, double trainLoss, double valLoss, double valAcc,
                    double cps) {
                try {
                    log.row(MetricsTable.Row.unimodal(phase, epoch, trainLoss, valAcc, cps, elapsed(), java.util.Map.of(TrainingLoop.VAL_LOSS, valLoss)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                publish(new TrainingEvent.BudgetEpoch(phase.modality(), epoch, maxEpochs, trainLoss, valAcc, cps, elapsed()));
            }

            @Override
            public void budgetStep(String modality, int epoch, int step, int steps) {
                unimodalStep(TrainingPhase.budget(modality), epoch, step, steps);
            }

            @Override
            public void unimodalStep(TrainingPhase phase, int epoch, int step, int steps) {
                publish(new TrainingEvent.StepCompleted(phase, epoch + 1, cfg.method().budgetMaxEpochs(), step, steps, step,
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

    private static String header(MultimodalDataset data, String device, Provenance p) {
        List<String> lines = new ArrayList<>();
        lines.add("IIBalance Workbench run configuration (resolved; rerun with: train --config config.yaml)");
        lines.add("device " + device + "; dataset " + data.name() + ": " + data.train().size() + " train, " + data.val().size() + " val, "
                + data.test().size() + " test clips");
        lines.add(p.headerLines());
        return String.join("\n", lines);
    }
}
