package org.iibalance.gui.gating;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iibalance.data.Clip;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.corruption.Corruption;
import org.iibalance.data.corruption.CorruptionSpec;
import org.iibalance.experiment.ClipWhatIf;
import org.iibalance.experiment.Evaluation;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.ClipImages;
import org.iibalance.gui.util.TaskExecutor;
import org.iibalance.run.GatingTable;

/**
 * The what-if panel of the gating inspector: for the selected clip, sliders that corrupt one
 * modality (noise at an SNR for each spectrogram-like modality; darkness and occlusion for the
 * frames) and the clip run again through the run's best checkpoint ({@link ClipWhatIf}, loaded once
 * per run in the background). Each result has the clip as corrupted, each head's probabilities, u_m
 * and the fusion weights, beside the clean weights and prediction of the clip's gating.csv row (the
 * run's own clean inference with the same checkpoint, so no clean inference is run again).
 *
 * <p>Slider moves are coalesced, latest wins: at most one inference is in flight, and a move made
 * meanwhile starts one more inference, with the values of that moment, when it ends. So dragging a
 * slider never queues stale work, and the last position is always shown. A move whose corruptions
 * read the same as those shown (the SNR rounds to whole dB, the severities to 0.01) runs nothing.
 */
public final class WhatIfViewModel {
    /** The best SNR on the noise sliders (dB): the slider's clean end. */
    public static final double SNR_CLEAN = 30;
    /** The worst SNR on the noise sliders (dB). */
    public static final double SNR_WORST = -20;

    private final TaskExecutor executor;
    private final ObservableList<WhatIfKnob> knobs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<WhatIfResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "select a clip: its what-if appears here");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyIntegerWrapper updates = new ReadOnlyIntegerWrapper(this, "updates");
    private Path runDir;
    /** The selected clip's gating.csv row (its clean weights and prediction); null when none is selected. */
    private GatingTable.Row clip;
    private String clipId;
    private ClipWhatIf whatIf;
    private Path loadingFor;
    private boolean busy;
    private boolean pending;

    /** A what-if over {@code executor}, following the inspector's run and selected clip. */
    public WhatIfViewModel(TaskExecutor executor, ObservableValue<Path> run, ObservableValue<GatingTable.Row> selected) {
        this.executor = executor;
        run.addListener((o, a, b) -> setRun(b));
        selected.addListener((o, a, b) -> setClip(b));
    }

    private void setRun(Path dir) {
        if (Objects.equals(dir, runDir)) return;
        runDir = dir;
        whatIf = null;
        knobs.clear();
        ready.set(false);
        result.set(null);
        clip = null;
        clipId = null;
        status.set(dir == null ? "no run" : "select a clip: its what-if appears here");
    }

    private void setClip(GatingTable.Row row) {
        clip = row;
        String id = row == null ? null : row.id();
        clipId = id;
        result.set(null);
        if (id == null) return;
        if (whatIf != null) {
            request();
            return;
        }
        if (runDir == null || runDir.equals(loadingFor)) return;
        Path dir = runDir;
        loadingFor = dir;
        status.set("loading the run's best checkpoint for the what-if...");
        executor.execute(BackgroundJob.of(p -> ClipWhatIf.open(dir)).onSuccess(w -> {
            loadingFor = null;
            if (!dir.equals(runDir)) return; // another run was opened meanwhile
            whatIf = w;
            buildKnobs(w.modalities());
            ready.set(true);
            status.set("checkpoint loaded (" + w.run().methodName() + "): move a slider");
            request();
        }).onFailure(t -> {
            loadingFor = null;
            if (dir.equals(runDir)) status.set("no what-if for this run: " + BackgroundJob.describe(t));
        }));
    }

    private void buildKnobs(List<ModalitySpec> mods) {
        List<WhatIfKnob> k = new ArrayList<>();
        for (ModalitySpec m : mods) if (m.kind() == ModalitySpec.Kind.SPECTROGRAM) k.add(WhatIfKnob.noise(m.name(), SNR_WORST, SNR_CLEAN));
        for (ModalitySpec m : mods) {
            if (m.kind() == ModalitySpec.Kind.FRAMES) {
                k.add(WhatIfKnob.severity(m.name(), "darken"));
                k.add(WhatIfKnob.severity(m.name(), "occlude"));
            }
        }
        for (WhatIfKnob x : k) x.value().addListener(o -> request());
        knobs.setAll(k);
    }

    /** Puts every slider back to clean. */
    public void reset() {
        for (WhatIfKnob k : knobs) k.value().set(k.clean());
    }

    /** The knob of a modality and kind, null when there is none. */
    public WhatIfKnob knob(String modality, String kind) {
        for (WhatIfKnob k : knobs) if (k.modality().equals(modality) && k.kind().equals(kind)) return k;
        return null;
    }

    /** The corruptions the sliders set now ({@code evaluate --corrupt} specs). */
    public List<String> specs() {
        List<String> s = new ArrayList<>();
        for (WhatIfKnob k : knobs) if (k.spec() != null) s.add(k.spec());
        return s;
    }

    /**
     * Runs the selected clip with the sliders' corruptions, or marks it to run when the inference in
     * flight ends; nothing when the result shown is already of this clip and these corruptions.
     */
    public void request() {
        if (whatIf == null || clipId == null) return;
        if (busy) {
            pending = true;
            return;
        }
        pending = false;
        List<String> specs = specs();
        WhatIfResult shown = result.get();
        if (shown != null && shown.clipId().equals(clipId) && shown.specs().equals(specs)) return; // a move that rounds to the same corruptions
        busy = true;
        ClipWhatIf w = whatIf;
        String id = clipId;
        GatingTable.Row row = clip;
        executor.execute(BackgroundJob.of(p -> compute(w, row, specs)).onSuccess(r -> {
            busy = false;
            if (w == whatIf && id.equals(clipId)) {
                result.set(r);
                updates.set(updates.get() + 1);
                status.set(String.format(java.util.Locale.ROOT, "%s: %s (%.0f ms)", id, specs.isEmpty() ? "clean" : String.join(" + ", specs), r.millis()));
            }
            if (pending || !id.equals(clipId) || !specs.equals(specs())) request();
        }).onFailure(t -> {
            busy = false;
            status.set("what-if failed: " + BackgroundJob.describe(t));
        }));
    }

    private WhatIfResult compute(ClipWhatIf w, GatingTable.Row row, List<String> specs) throws InterruptedException {
        String id = row.id();
        List<Corruption> cs = new ArrayList<>();
        for (String s : specs) cs.add(CorruptionSpec.parse(s));
        ClipWhatIf.Outcome o = w.run(id, cs, 0);
        List<ModalitySpec> mods = w.modalities();
        ClipImages.Argb frames = null, spec = null;
        Clip c = o.clip(), original = w.clip(id);
        // drawn on the clean clip's scale: darkened frames look dark, noise stands out of the clean range
        for (int m = 0; m < mods.size(); m++) {
            ModalitySpec s = mods.get(m);
            float[] range = ClipImages.minMax(original.input(m));
            if (s.kind() == ModalitySpec.Kind.FRAMES && frames == null) frames = ClipImages.frames(c.input(m), s.shape(), range);
            if (s.kind() == ModalitySpec.Kind.SPECTROGRAM && spec == null) spec = ClipImages.spectrogram(c.input(m), s.shape(), range);
        }
        Evaluation.ClipOutput out = o.output();
        Map<String, double[]> probs = new LinkedHashMap<>();
        probs.put("fused", toDouble(out.fusedProbs()));
        List<String> names = new ArrayList<>();
        for (int m = 0; m < mods.size(); m++) {
            names.add(mods.get(m).name());
            if (out.modalityProbs()[m] != null) probs.put(mods.get(m).name(), toDouble(out.modalityProbs()[m]));
        }
        return new WhatIfResult(id, specs, names, frames, spec, probs, out.label(), out.prediction(), out.weights(), out.uncertainty(), cleanWeights(row, names),
                row.prediction(), o.millis());
    }

    /** The clip's clean fusion weights from its gating.csv row, in the network's modality order; null when the method has none. */
    private static double[] cleanWeights(GatingTable.Row row, List<String> modalities) {
        double[] w = new double[modalities.size()];
        boolean any = false;
        for (int m = 0; m < w.length; m++) {
            w[m] = row.weight(modalities.get(m));
            any |= !Double.isNaN(w[m]);
        }
        return any ? w : null;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /** The sliders (set once the run's checkpoint is loaded). */
    public ObservableList<WhatIfKnob> knobs() {
        return knobs;
    }

    /** The latest what-if shown. */
    public ReadOnlyObjectProperty<WhatIfResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** A status line (loading, the last inference and its time, or why there is none). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the run's checkpoint is loaded. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** How many what-ifs were shown (for tests and the benchmark). */
    public ReadOnlyIntegerProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }
}
