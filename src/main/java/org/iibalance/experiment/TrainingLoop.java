package org.iibalance.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.method.DivergenceRule;
import org.iibalance.method.StepStats;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.run.CheckpointState;
import org.iibalance.run.MetricsLog;
import org.iibalance.run.MetricsTable;
import org.iibalance.run.RunFolder;
import org.iibalance.run.RunState;
import org.iibalance.run.TrainingPhase;

/**
 * The multimodal epochs of a run and their bookkeeping: each epoch trains, is evaluated on the
 * validation split, and is checkpointed as {@code last} (and as {@code best} when its validation
 * Acc_m is the best so far: model selection never looks at test); epochs without improvement count
 * towards early stopping ({@code training.patience}). A resumed run continues from the state of its
 * last checkpoint, so it ends where the uninterrupted run would.
 */
final class TrainingLoop {
    /**
     * The {@code metrics.csv} extra column of the validation cross-entropy (of the fused prediction on
     * epoch rows, of the unimodal model on {@code budget:<m>} and {@code pretrain:<m>} rows).
     */
    static final String VAL_LOSS = "valLoss";

    private final ExperimentConfig cfg;
    private final TrainingMethod method;
    private final MultimodalNetwork net;
    private final Optimizer opt;
    private final Batcher batcher;
    private final MultimodalDataset data;
    private final RunFolder folder;
    private final MetricsLog log;
    private final EventSink events;
    private final CancellationToken cancel;
    private final List<String> mods;
    /** The method's control signals, in the order of their metrics.csv columns. */
    private final List<String> controlNames;
    private final DivergenceRule divergence;

    // the bookkeeping a checkpoint saves
    private int epochsDone;
    private double best = -1;
    private int bestEpoch;
    private long globalStep;
    private int stale;

    /**
     * Training wall time, the best epoch, and the share of the training passes' time the training
     * thread spent waiting for the batch loader (0 when it always kept ahead).
     */
    record Outcome(double trainSeconds, int bestEpoch, double dataWaitFraction) {}

    TrainingLoop(ExperimentConfig cfg, TrainingMethod method, MultimodalNetwork net, Optimizer opt, Batcher batcher, MultimodalDataset data,
            RunFolder folder, MetricsLog log, EventSink events, CancellationToken cancel) {
        this.cfg = cfg;
        this.divergence = new DivergenceRule(cfg.training().divergenceFactor(), TrainingPhase.TRAIN);
        this.method = method;
        this.net = net;
        this.opt = opt;
        this.batcher = batcher;
        this.data = data;
        this.folder = folder;
        this.log = log;
        this.events = events;
        this.cancel = cancel;
        this.mods = data.modalityNames();
        this.controlNames = method.controlNames(mods);
    }

    /** Continues from a checkpoint's bookkeeping (resume). */
    void resumeFrom(CheckpointState s) {
        epochsDone = s.epochsCompleted();
        best = s.bestValAccuracy();
        bestEpoch = s.bestEpoch();
        globalStep = s.globalStep();
        stale = s.epochsWithoutImprovement();
    }

    /** Epochs completed (and checkpointed) so far. */
    int epochsDone() {
        return epochsDone;
    }

    /** Runs the remaining epochs; stops early after {@code training.patience} epochs without a better validation Acc_m. */
    Outcome run() throws InterruptedException, IOException {
        int epochs = cfg.training().epochs();
        long trainStart = System.nanoTime();
        int epochsRun = 0;
        double waitSeconds = 0, passSeconds = 0;
        for (int epoch = epochsDone; epoch < epochs; epoch++) {
            long epochStart = System.nanoTime();
            EpochTotals totals = trainEpoch(epoch, epochsRun, trainStart);
            waitSeconds += batcher.lastPass().waitSeconds();
            passSeconds += batcher.lastPass().totalSeconds();
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
            CheckpointState meta = new CheckpointState(epoch + 1, best, bestEpoch, globalStep, stale, method.state());
            double cps = data.train().size() / Math.max(1e-9, epochSec);
            // the epoch's row first, then the checkpoints: a crash between them resumes from the previous
            // checkpoint and drops the row (truncateMetricsAfterEpoch); never a checkpoint without its row
            // extra columns: the validation loss and the method's control signals of this epoch (ctrl_*)
            Map<String, Double> extras = new HashMap<>();
            method.epochControl().forEach((k, v) -> {
                if (v != null) extras.put(k, v);
            });
            // the same values travel with the epoch's event, so a watcher need not re-read metrics.csv
            Map<String, Double> control = new LinkedHashMap<>();
            for (String c : controlNames) control.put(c, extras.getOrDefault(c, Double.NaN));
            extras.put(VAL_LOSS, val.loss());
            log.row(MetricsTable.Row.epoch(epoch + 1, globalStep, totals.lambda(), totals.lossStageI(), totals.lossStageII(), totals.loss(),
                    MetricsTable.byModality(mods, val.weightMean()), val.accuracy(), MetricsTable.byModality(mods, val.modalityAccuracy()), cps,
                    events.elapsed(), extras));
            if (improved) Checkpoint.save(folder.bestCheckpoint(), net, null, meta);
            Checkpoint.save(folder.lastCheckpoint(), net, opt, meta);
            epochsDone = epoch + 1;
            epochsRun++;
            folder.writeState(RunState.RUNNING, null, epoch + 1);
            double perEpoch = (System.nanoTime() - trainStart) / 1e9 / epochsRun;
            events.publish(new TrainingEvent.EpochCompleted(epoch + 1, epochs, totals.lambda(), totals.loss(), totals.lossStageI(),
                    totals.lossStageII(), totals.weights(), val.accuracy(), val.modalityAccuracy(), val.weightMean(), control, cps, improved, events.elapsed(),
                    perEpoch * (epochs - epoch - 1)));
            if (cfg.training().patience() > 0 && stale >= cfg.training().patience()) {
                events.publish(new TrainingEvent.PhaseChanged(TrainingPhase.TRAIN, "early stop: no better validation Acc_m for " + stale + " epochs",
                        events.elapsed()));
                break;
            }
        }
        return new Outcome((System.nanoTime() - trainStart) / 1e9, bestEpoch, passSeconds > 0 ? waitSeconds / passSeconds : 0);
    }

    /**
     * One epoch of training steps: each batch checks for cancel, steps the method, stops the run on a
     * diverged loss ({@link DivergenceRule}), publishes a step event and logs every {@code training.logEvery} steps.
     */
    private EpochTotals trainEpoch(int epoch, int epochsRunBefore, long trainStart) throws InterruptedException {
        int epochs = cfg.training().epochs();
        int steps = batcher.trainBatches();
        long globalStepBefore = globalStep;
        EpochTotals totals = new EpochTotals(net.modalityCount());
        long epochStart = System.nanoTime();
        net.train(true);
        batcher.train(epoch, b -> {
            cancel.check();
            StepStats s = method.trainStep(b, opt, epoch, epochs);
            String diverged = divergence.check(s.loss(), s.lossStageI(), s.lossStageII(), epoch + 1, totals.steps() + 1);
            if (diverged != null) throw new DivergenceRule.DivergedException(diverged);
            totals.add(s);
            int step = totals.steps();
            long global = globalStepBefore + step;
            double cps = step * (double) cfg.training().batchSize() / Math.max(1e-9, (System.nanoTime() - epochStart) / 1e9);
            double perStep = (System.nanoTime() - trainStart) / 1e9 / Math.max(1, epochsRunBefore * steps + step);
            double eta = perStep * ((epochs - epoch - 1) * (double) steps + (steps - step));
            events.publish(new TrainingEvent.StepCompleted(TrainingPhase.TRAIN, epoch + 1, epochs, step, steps, global, s.lambda(), s.lossStageI(),
                    s.lossStageII(), s.loss(), s.meanWeights(), cps, events.elapsed(), eta));
            if (global % cfg.training().logEvery() == 0) {
                try {
                    log.row(MetricsTable.Row.step(epoch + 1, global, s.lambda(), s.lossStageI(), s.lossStageII(), s.loss(),
                            MetricsTable.byModality(mods, s.meanWeights()), cps, events.elapsed(), null));
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
        });
        return totals;
    }
}
