package org.iibalance.experiment;

import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.iibalance.data.Clip;
import org.iibalance.data.DatasetException;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.corruption.Corruption;
import org.iibalance.data.corruption.Corruptions;
import org.iibalance.data.corruption.Waveforms;

/**
 * "What if this modality failed on this clip?": a completed run's best checkpoint, loaded once, run
 * again on one test (or validation) clip with corruptions applied to its decoded input. The outcome
 * is the corrupted clip (to be drawn as the network sees it) and the clip's outputs: the fused and
 * per-head class probabilities, u_m (Eq. 7) and the fusion weights w_m (Eq. 10). The clip is
 * corrupted exactly as {@code evaluate --corrupt} corrupts it (same seed, same per-clip stream), so
 * the what-if of a clip equals its row of that evaluation's gating table.
 */
public final class ClipWhatIf {
    /**
     * One what-if.
     *
     * @param clip    the clip as the network saw it (corrupted)
     * @param output  its outputs
     * @param millis  wall time of corrupting and inference
     */
    public record Outcome(Clip clip, Evaluation.ClipOutput output, double millis) {}

    private final SavedRun run;
    private final Waveforms waveforms;

    private ClipWhatIf(SavedRun run) {
        this.run = run;
        this.waveforms = Waveforms.of(run.config());
    }

    /** Loads a completed run's data and best checkpoint (seconds: do it off the UI thread). */
    public static ClipWhatIf open(Path runDir) throws ConfigException, DatasetException {
        return new ClipWhatIf(SavedRun.open(runDir, List.of()));
    }

    /** The what-if over a run already loaded. */
    public static ClipWhatIf of(SavedRun run) {
        return new ClipWhatIf(run);
    }

    /** The loaded run. */
    public SavedRun run() {
        return run;
    }

    /** The dataset's modalities, in the network's order. */
    public List<ModalitySpec> modalities() {
        return run.data().modalities();
    }

    /** A clip of the test split, else of the validation split, by id; null when neither has it. */
    public Clip clip(String id) {
        for (String split : SavedRun.HELD_OUT) for (Clip c : run.split(split)) if (c.id().equals(id)) return c;
        return null;
    }

    /**
     * Runs the clip under the corruptions (none: clean).
     *
     * @throws IllegalArgumentException when the clip is unknown or a corruption does not fit the data
     */
    public Outcome run(String clipId, List<Corruption> corruptions, long seed) throws InterruptedException {
        long t0 = System.nanoTime();
        Clip clean = clip(clipId);
        if (clean == null) throw new IllegalArgumentException("clip '" + clipId + "' is in neither the test nor the validation split of " + run.dir());
        Clip c = Corruptions.apply(List.of(clean), modalities(), corruptions, seed, waveforms).get(0);
        Evaluation e = run.evaluate(List.of(c));
        return new Outcome(c, e.clips().get(0), (System.nanoTime() - t0) / 1e6);
    }
}
