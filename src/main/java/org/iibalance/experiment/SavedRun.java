package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Device;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Clip;
import org.iibalance.data.DatasetException;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.data.corruption.Corruption;
import org.iibalance.data.corruption.Corruptions;
import org.iibalance.method.MethodContext;
import org.iibalance.method.MethodProgress;
import org.iibalance.method.Methods;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Devices;
import org.iibalance.run.CheckpointState;
import org.iibalance.run.EvaluationResult;
import org.iibalance.run.GatingTable;
import org.iibalance.run.Results;
import org.iibalance.run.RunFiles;
import org.iibalance.run.RunFolder;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;

/**
 * A completed run loaded for evaluation: its configuration (with optional {@code dataset.*}
 * overrides), its data, its method and the network of its best checkpoint (the epoch chosen on
 * validation, the one results.json reports). {@link #evaluate} runs the same {@link Evaluator} as
 * training did, optionally on corrupted clips; on the run's own test split with no corruption it
 * gives results.json's test figures exactly.
 */
public final class SavedRun {
    /**
     * Splits {@code evaluate} accepts. {@code train}: the training clips as stored (never augmented),
     * to compare how closely a run fits them against validation (a diagnostic; selection stays on val).
     */
    public static final List<String> SPLITS = List.of("test", "val", "train");
    /** The splits a clip id is looked up in (a what-if is about held-out clips, never training ones). */
    public static final List<String> HELD_OUT = List.of("test", "val");

    private final Path dir;
    private final ExperimentConfig cfg;
    private final List<String> datasetOverrides;
    private final MultimodalDataset data;
    private final TrainingMethod method;
    private final MultimodalNetwork net;
    private final Batcher batcher;

    private SavedRun(Path dir, ExperimentConfig cfg, List<String> datasetOverrides, MultimodalDataset data, TrainingMethod method,
            MultimodalNetwork net, Batcher batcher) {
        this.dir = dir;
        this.cfg = cfg;
        this.datasetOverrides = List.copyOf(datasetOverrides);
        this.data = data;
        this.method = method;
        this.net = net;
        this.batcher = batcher;
    }

    /**
     * Loads a completed run.
     *
     * @param datasetOverrides {@code dataset.key=value} overrides (other keys are refused: the model is the run's)
     * @throws ConfigException  when the folder is not a completed run, or an override is not a dataset key
     * @throws DatasetException when the data cannot be loaded
     */
    public static SavedRun open(Path dir, List<String> datasetOverrides) throws ConfigException, DatasetException {
        for (String o : datasetOverrides) {
            if (!o.startsWith("dataset.")) throw new ConfigException("--set " + o, "evaluate changes only dataset.* keys (the model and method are the run's)");
        }
        RunSummary s;
        try {
            s = RunSummary.open(dir);
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), "is not a readable run folder (" + e.getMessage() + ")");
        }
        if (s.state().state() != RunState.COMPLETED) {
            throw new ConfigException(dir.toString(), "the run is " + s.state().state().name().toLowerCase() + ", not completed: nothing to evaluate");
        }
        ExperimentConfig cfg = ConfigIO.load(RunFiles.config(dir), datasetOverrides);
        org.iibalance.nn.Engine.threads(cfg.threads()); // as in training: the same arithmetic
        String deviceName = Devices.resolve(cfg.device());
        Device device = Devices.of(deviceName);
        MultimodalDataset data = Datasets.load(cfg, null);
        TrainingMethod method = Methods.create(cfg.method());
        MultimodalNetwork net;
        synchronized (ExperimentRunner.INIT_LOCK) {
            org.iibalance.nn.Engine.seed(cfg.seed());
            net = new MultimodalNetwork(data.modalities(), data.classes(), cfg.model(), method.fusion());
        }
        if (!device.is_cpu()) net.to(device, false);
        Batcher batcher = new Batcher(data, device, cfg.training().batchSize(), cfg.seed());
        try {
            RunFolder folder = RunFolder.reopen(dir);
            CheckpointState best = Checkpoint.load(folder.bestCheckpoint(), net, null);
            method.restore(best.methodState());
            // restored state first: prepare then only binds the network (IIBalance keeps its budget)
            method.prepare(new MethodContext(cfg, net, device, batcher, MethodProgress.NONE));
        } catch (IOException e) {
            throw new DatasetException(dir + ": the best checkpoint cannot be read (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException(dir + ": interrupted while loading", e);
        } catch (RuntimeException e) {
            throw new DatasetException(dir + ": the best checkpoint does not fit the run's network (" + e.getMessage() + ")", e);
        }
        return new SavedRun(dir, cfg, datasetOverrides, data, method, net, batcher);
    }

    public Path dir() {
        return dir;
    }

    public ExperimentConfig config() {
        return cfg;
    }

    public MultimodalDataset data() {
        return data;
    }

    public String methodName() {
        return method.name();
    }

    /** What the method has (fusion weights, heads...). */
    public org.iibalance.run.Capabilities capabilities() {
        return method.capabilities();
    }

    /** The clips of a split ({@code test}, {@code val} or {@code train}). */
    public List<Clip> split(String split) {
        return switch (split) {
            case "test" -> data.test();
            case "val" -> data.val();
            case "train" -> data.train();
            default -> throw new IllegalArgumentException("split '" + split + "': use test, val or train");
        };
    }

    /** Evaluates a split with the corruptions applied to its clips (each clip seeded from {@code seed} and its id). */
    public Evaluation evaluate(String split, List<Corruption> corruptions, long seed) throws InterruptedException {
        return evaluate(Corruptions.apply(split(split), data.modalities(), corruptions, seed, org.iibalance.data.corruption.Waveforms.of(cfg)));
    }

    /** Evaluates given clips (already corrupted, if at all) with the run's best checkpoint: the what-if of a few clips. */
    public Evaluation evaluate(List<Clip> clips) throws InterruptedException {
        synchronized (this) { // one network, one evaluation at a time
            return Evaluator.evaluate(method, net, batcher, clips);
        }
    }

    /** The {@code evaluation.json} figures of an evaluation. */
    public EvaluationResult result(Evaluation e, String split, List<Corruption> corruptions, long seed) {
        Results.Builder r = Results.builder();
        ResultWriter.testBlock(r, e, method, data, e.clips().size());
        Map<String, Double> w = new LinkedHashMap<>();
        List<String> mods = data.modalityNames();
        for (int m = 0; m < mods.size(); m++) w.put(mods.get(m), ResultWriter.at(e.weightMean(), m));
        List<String> specs = new ArrayList<>();
        for (Corruption c : corruptions) specs.add(c.spec());
        return new EvaluationResult(dir.toString(), method.name(), data.name(), cfg.seed(), split, specs, seed, datasetOverrides, r.build().test(), w);
    }

    /** The gating table of an evaluation (one row per evaluated clip). */
    public GatingTable gating(Evaluation e) {
        return new ResultWriter(method, data, cfg.method()).gating(e);
    }
}
