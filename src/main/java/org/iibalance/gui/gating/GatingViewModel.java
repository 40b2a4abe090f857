package org.iibalance.gui.gating;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Clip;
import org.iibalance.data.Datasets;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.data.SyntheticAvDataset;
import org.iibalance.gui.util.AudioPlayer;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.ClipImages;
import org.iibalance.gui.util.TaskExecutor;
import org.iibalance.run.GatingTable;
import org.iibalance.run.PredictionsTable;
import org.iibalance.run.RunSummary;

/**
 * The gating inspector: the test clips of a run's gating table (filterable: misclassified only, one
 * class, a range of one modality's weight, the first by default) and, for the selected clip, its
 * frames, spectrogram, each head's class probabilities (the predictions table) and its audio. The clip
 * arrays come from reloading the dataset of the run's {@code config.yaml} in the background (once
 * per run) and finding the clip by id.
 */
public final class GatingViewModel {
    private final TaskExecutor executor;
    private final AudioPlayer player = new AudioPlayer();
    private final ObservableList<GatingTable.Row> rows = FXCollections.observableArrayList();
    private final FilteredList<GatingTable.Row> filtered = new FilteredList<>(rows, r -> true);
    private final ObservableList<String> modalities = FXCollections.observableArrayList();
    private final ObservableList<String> classNames = FXCollections.observableArrayList();
    private final BooleanProperty misclassifiedOnly = new SimpleBooleanProperty(this, "misclassifiedOnly");
    private final IntegerProperty classFilter = new SimpleIntegerProperty(this, "classFilter", -1);
    private final DoubleProperty minWeight = new SimpleDoubleProperty(this, "minWeight", 0);
    private final DoubleProperty maxWeight = new SimpleDoubleProperty(this, "maxWeight", 1);
    private final StringProperty weightModality = new SimpleStringProperty(this, "weightModality");
    private final ObjectProperty<GatingTable.Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ClipDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "no run yet: train one, or open one in the runs table");
    private final ReadOnlyObjectWrapper<Path> runDir = new ReadOnlyObjectWrapper<>(this, "runDir");
    private final Map<String, Map<String, double[]>> predictions = new LinkedHashMap<>();
    private ExperimentConfig config;
    private MultimodalDataset dataset;
    private Path datasetFor;
    private boolean datasetLoading;
    private final RealClipAudio realAudio;
    private final WhatIfViewModel whatIf;

    /** An inspector loading datasets through {@code executor}. */
    public GatingViewModel(TaskExecutor executor) {
        this.executor = executor;
        realAudio = new RealClipAudio(executor, id -> {
            GatingTable.Row now = selected.get();
            if (now != null && now.id().equals(id)) detail.set(describe(now, find(id)));
        });
        misclassifiedOnly.addListener(o -> refilter());
        classFilter.addListener(o -> refilter());
        minWeight.addListener(o -> refilter());
        maxWeight.addListener(o -> refilter());
        weightModality.addListener(o -> refilter());
        selected.addListener((o, a, b) -> showSelected());
        whatIf = new WhatIfViewModel(executor, runDir.getReadOnlyProperty(), selected);
    }

    /** The what-if panel's state (follows this inspector's run and selected clip). */
    public WhatIfViewModel whatIf() {
        return whatIf;
    }

    private void refilter() {
        boolean mis = misclassifiedOnly.get();
        int cls = classFilter.get();
        double lo = minWeight.get(), hi = maxWeight.get();
        String m = weightModality.get();
        filtered.setPredicate(r -> (!mis || !r.correct()) && (cls < 0 || r.label() == cls)
                && (m == null || Double.isNaN(r.weight(m)) || (r.weight(m) >= lo - 1e-9 && r.weight(m) <= hi + 1e-9)));
        showCounts();
    }

    private void showCounts() {
        if (runDir.get() == null) return;
        long wrong = rows.stream().filter(r -> !r.correct()).count();
        boolean filteredOut = filtered.size() != rows.size();
        status.set(rows.size() + " test clips, " + wrong + " misclassified" + (filteredOut ? "; " + filtered.size() + " shown by the filters" : "")
                + " (" + runDir.get().getFileName() + ")");
    }

    /** Writes {@code shown} (the filtered rows in the table's order) as a gating.csv: its columns and 6 decimals, as the run wrote them. */
    public void export(List<GatingTable.Row> shown, Path file) throws IOException {
        new GatingTable(List.copyOf(modalities), shown).write(file);
    }

    /** Reads a finished run folder's gating and predictions tables and its configuration. */
    public void load(Path dir) throws IOException {
        RunSummary run = RunSummary.open(dir);
        GatingTable g = run.gating();
        List<String> mods = g.modalities();
        List<GatingTable.Row> out = g.rows();
        predictions.clear();
        PredictionsTable p = run.predictions(); // null for an older run without one: no probabilities shown
        if (p != null) predictions.putAll(p.byClip());
        config = run.config();
        if (!dir.equals(datasetFor)) {
            dataset = null;
            datasetFor = null;
        }
        selected.set(null);
        detail.set(null);
        realAudio.forget();
        // another run: its rows start unfiltered (a class filter left on would hide rows silently)
        misclassifiedOnly.set(false);
        classFilter.set(-1);
        minWeight.set(0);
        maxWeight.set(1);
        modalities.setAll(mods);
        weightModality.set(mods.isEmpty() ? null : mods.get(0));
        int classes = 0;
        for (GatingTable.Row r : out) classes = Math.max(classes, r.label() + 1);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add("class " + c);
        classNames.setAll(names);
        rows.setAll(out);
        runDir.set(dir);
        showCounts();
    }

    private void showSelected() {
        GatingTable.Row r = selected.get();
        if (r == null) {
            detail.set(null);
            return;
        }
        detail.set(describe(r, null));
        if (dataset != null) {
            show(r);
        } else if (config != null && !datasetLoading) {
            datasetLoading = true;
            Path dir = runDir.get();
            ExperimentConfig c = config;
            status.set("loading the run's dataset to show the clip...");
            executor.execute(BackgroundJob.of(p -> Datasets.load(c, p)).onProgress(status::set).onSuccess(d -> {
                datasetLoading = false;
                dataset = d;
                datasetFor = dir;
                List<String> names = d.classNames();
                if (!names.isEmpty()) classNames.setAll(names);
                status.set(rows.size() + " test clips; dataset " + d.name() + " loaded");
                GatingTable.Row now = selected.get();
                if (now != null) show(now);
            }).onFailure(t -> {
                datasetLoading = false;
                status.set("cannot reload the run's dataset: " + org.iibalance.gui.util.BackgroundJob.describe(t));
            }));
        }
    }

    /** Shows a clip of the loaded dataset, then starts decoding its audio if it is a real clip. */
    private void show(GatingTable.Row r) {
        Clip clip = find(r.id());
        detail.set(describe(r, clip));
        if (clip != null && config != null && !SyntheticAvDataset.KIND.equals(config.dataset().kind()) && ClipAudio.source(clip.meta()) != null) {
            realAudio.request(r.id(), config.dataset(), clip.meta(), clip.window());
        }
    }

    private Clip find(String id) {
        if (dataset == null) return null;
        for (Clip c : dataset.test()) if (c.id().equals(id)) return c;
        return null;
    }

    private ClipDetail describe(GatingTable.Row r, Clip clip) {
        ClipImages.Argb frames = null;
        ClipImages.Argb spec = null;
        float[] audio = null;
        int rate = 0;
        String note = clip == null ? (dataset == null ? "loading the clip's media..." : "clip not found in the reloaded dataset") : "";
        Map<String, String> meta = clip == null ? Map.of() : clip.meta();
        if (clip != null) {
            for (int m = 0; m < dataset.modalities().size(); m++) {
                ModalitySpec s = dataset.modalities().get(m);
                if (s.kind() == ModalitySpec.Kind.FRAMES && frames == null) frames = ClipImages.frames(clip.input(m), s.shape());
                if (s.kind() == ModalitySpec.Kind.SPECTROGRAM && spec == null) spec = ClipImages.spectrogram(clip.input(m), s.shape());
            }
            if (SyntheticAvDataset.KIND.equals(config.dataset().kind())) {
                audio = SyntheticAvDataset.waveform(config, clip);
                rate = config.dataset().audio().sampleRate();
            } else {
                Path src = ClipAudio.source(meta);
                if (realAudio.known(r.id())) {
                    audio = realAudio.samples(r.id());
                    rate = config.dataset().audio().sampleRate();
                    note = audio != null ? "audio decoded from " + src : "cannot decode the clip's audio: " + realAudio.problem(r.id());
                } else if (src == null) {
                    note = "no audio to play: the clip's metadata names no audio or video file";
                } else {
                    note = "decoding the audio of " + src + "...";
                }
            }
        }
        String label = r.label() < classNames.size() ? classNames.get(r.label()) : "class " + r.label();
        return new ClipDetail(r.id(), label, frames, spec, predictions.getOrDefault(r.id(), Map.of()), meta, audio, rate, note);
    }

    /**
     * Plays the selected clip's audio on a background thread: synthetic clips are re-synthesised, real
     * clips are decoded from their file (in the background, when the clip is shown).
     */
    public void play() {
        ClipDetail d = detail.get();
        if (d == null || d.audio() == null) {
            status.set(d == null ? "select a clip first" : d.note());
            return;
        }
        status.set("playing " + d.id());
        player.play(d.audio(), d.sampleRate(), why -> executor.runOnUi(() -> status.set(why == null ? "played " + d.id() : why)));
    }

    /** All rows of the gating table. */
    public ObservableList<GatingTable.Row> rows() {
        return rows;
    }

    /** The rows passing the filters (wrap in a SortedList for sorting). */
    public FilteredList<GatingTable.Row> filteredRows() {
        return filtered;
    }

    /** Modality names, in the gating table's order. */
    public ObservableList<String> modalities() {
        return modalities;
    }

    /** Class names (indices until the dataset is reloaded). */
    public ObservableList<String> classNames() {
        return classNames;
    }

    /** Show misclassified clips only. */
    public BooleanProperty misclassifiedOnlyProperty() {
        return misclassifiedOnly;
    }

    /** Show one class only (-1: all). */
    public IntegerProperty classFilterProperty() {
        return classFilter;
    }

    /** The modality whose weight range filters the rows (the first one after a load). */
    public StringProperty weightModalityProperty() {
        return weightModality;
    }

    /** Lower bound of the filtered modality's weight. */
    public DoubleProperty minWeightProperty() {
        return minWeight;
    }

    /** Upper bound of the filtered modality's weight. */
    public DoubleProperty maxWeightProperty() {
        return maxWeight;
    }

    /** The selected clip. */
    public ObjectProperty<GatingTable.Row> selectedProperty() {
        return selected;
    }

    /** What is shown of the selected clip. */
    public ReadOnlyObjectProperty<ClipDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** A status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The run shown. */
    public ReadOnlyObjectProperty<Path> runDirProperty() {
        return runDir.getReadOnlyProperty();
    }
}
