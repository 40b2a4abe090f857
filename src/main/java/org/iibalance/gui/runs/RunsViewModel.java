package org.iibalance.gui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.TaskExecutor;
import org.iibalance.run.MetricsTable;
import org.iibalance.run.RunScan;
import org.iibalance.run.RunSummary;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every run folder under the runs directory (and one level deeper, for sweep trials; found by
 * structure, see {@link RunScan}), re-scanned in the background on {@link #refresh()} (the
 * application polls every few seconds); selected runs' metrics curves overlaid (training loss per
 * step, validation Acc_m per epoch).
 */
public final class RunsViewModel {
    /** How deep below the runs directory runs are looked for: runs, and sweep trials one level down. */
    private static final int DEPTH = 2;

    private final TaskExecutor executor;
    private final ObjectProperty<Path> runsDir = new SimpleObjectProperty<>(this, "runsDir");
    private final ObservableList<RunSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<String> modalities = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final XYSeriesCollection lossOverlay = new XYSeriesCollection();
    private final XYSeriesCollection accOverlay = new XYSeriesCollection();
    private final Map<Path, Cached> cache = new HashMap<>();
    // runs of matrices and sweeps submitted to Slurm: their scheduler state, polled with the folders
    private final ClusterStates clusterStates = new ClusterStates(10);
    private final javafx.collections.ObservableMap<Path, String> schedulerStates = FXCollections.observableHashMap();
    private volatile Map<Path, String> schedulerFound = Map.of();
    private volatile boolean scanning;

    private record Cached(String stamp, RunSummary summary) {}

    /** A runs table over {@code runsDir}. */
    public RunsViewModel(TaskExecutor executor, Path runsDir) {
        this.executor = executor;
        this.runsDir.set(runsDir);
        this.runsDir.addListener(o -> refresh());
    }

    /** Re-scans the runs directory in the background (skipped while a scan is going). */
    public void refresh() {
        if (scanning) return;
        scanning = true;
        Path dir = runsDir.get();
        executor.execute(BackgroundJob.of(p -> {
            List<RunSummary> f = scan(dir);
            schedulerFound = dir == null ? Map.of() : clusterStates.of(dir, f.stream().map(RunSummary::dir).toList());
            return f;
        }).onSuccess(found -> {
            scanning = false;
            if (!schedulerFound.equals(schedulerStates)) {
                schedulerStates.clear();
                schedulerStates.putAll(schedulerFound);
            }
            if (!found.equals(new ArrayList<>(rows))) rows.setAll(found);
            Set<String> mods = new LinkedHashSet<>();
            for (RunSummary r : found) if (r.results() != null) mods.addAll(r.results().modalities());
            if (!modalities.equals(new ArrayList<>(mods))) modalities.setAll(mods);
            status.set(found.size() + " runs in " + dir.toAbsolutePath());
        }).onFailure(t -> {
            scanning = false;
            status.set("cannot read " + dir + ": " + BackgroundJob.describe(t));
        }));
    }

    /** Reads every run folder under {@code dir} (newest first); folders being written are left for the next poll. */
    public List<RunSummary> scan(Path dir) {
        if (dir == null) return new ArrayList<>();
        List<Keyed> keyed = new ArrayList<>();
        for (Path f : RunScan.of(List.of(dir), DEPTH).runs()) {
            RunSummary r = read(f);
            if (r != null) keyed.add(new Keyed(r, started(r), displayName(dir, r))); // each key computed once, not per comparison
        }
        // newest first by when each run started (its config.yaml is written then), so a sweep's trials
        // sit among the runs of their time instead of above every newer run
        keyed.sort(Comparator.comparing(Keyed::started).reversed().thenComparing(Keyed::name));
        List<RunSummary> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) out.add(k.run());
        return out;
    }

    /** A run with its sort keys. */
    private record Keyed(RunSummary run, java.time.Instant started, String name) {}

    private static java.time.Instant started(RunSummary r) {
        try {
            return java.nio.file.Files.getLastModifiedTime(org.iibalance.run.RunFiles.config(r.dir())).toInstant();
        } catch (IOException | RuntimeException e) {
            return java.time.Instant.EPOCH;
        }
    }

    private synchronized RunSummary read(Path f) {
        String stamp = RunSummary.stamp(f);
        Cached old = cache.get(f);
        if (old != null && old.stamp().equals(stamp)) return old.summary();
        try {
            RunSummary s = RunSummary.open(f);
            if (s.config() == null) return null; // a config being written; next poll
            cache.put(f, new Cached(stamp, s));
            return s;
        } catch (IOException e) {
            return null; // a folder being written; next poll
        }
    }

    /** A run's name in the table: its folder relative to the runs directory ({@code sweep-.../trial} for sweep trials). */
    public String displayName(RunSummary r) {
        return displayName(runsDir.get(), r);
    }

    private static String displayName(Path root, RunSummary r) {
        try {
            return root == null ? r.dir().getFileName().toString() : root.relativize(r.dir()).toString();
        } catch (IllegalArgumentException e) {
            return r.dir().toString();
        }
    }

    /**
     * Overlays the curves of the given runs from their metrics (one colour per run), both on one epoch
     * axis so that runs of different sizes line up: the training loss of every logged step at its
     * fraction of the epochs ({@link #lossCurve}; epoch e ends at x = e), validation Acc_m at the end of
     * each epoch.
     */
    public void overlay(List<RunSummary> selected) {
        lossOverlay.removeAllSeries();
        accOverlay.removeAllSeries();
        for (RunSummary r : selected) {
            String name = displayName(r);
            XYSeries loss = new XYSeries(name + " loss", false, true);
            XYSeries acc = new XYSeries(name + " val Acc_m", false, true);
            try {
                MetricsTable m = r.metrics();
                loss = lossCurve(name + " loss", m);
                for (MetricsTable.Row row : m.rows(MetricsTable.Kind.EPOCH)) acc.add(row.epoch(), row.valAccMultimodal(), false);
            } catch (IOException e) {
                status.set("cannot read the metrics of " + name + ": " + e.getMessage());
            }
            lossOverlay.addSeries(loss);
            accOverlay.addSeries(acc);
        }
    }

    /**
     * The training loss of every logged step of a run ({@code step} rows of metrics.csv) against
     * epochs: x = global step / steps per epoch, so the curve of epoch e ends at x = e, where the
     * accuracy chart draws that epoch's validation Acc_m. Steps per epoch come from the epoch rows
     * (their step column is the global step at the epoch's end), else from the step rows of the
     * last epoch reached.
     */
    public static XYSeries lossCurve(String name, MetricsTable m) {
        XYSeries s = new XYSeries(name, false, true);
        List<MetricsTable.Row> steps = m.rows(MetricsTable.Kind.STEP);
        double perEpoch = Double.NaN;
        for (MetricsTable.Row e : m.rows(MetricsTable.Kind.EPOCH)) if (e.epoch() > 0 && e.step() > 0) perEpoch = e.step() / (double) e.epoch();
        if (Double.isNaN(perEpoch) && !steps.isEmpty()) {
            MetricsTable.Row last = steps.get(steps.size() - 1);
            long before = steps.stream().filter(x -> x.epoch() < last.epoch()).mapToLong(MetricsTable.Row::step).max().orElse(0);
            perEpoch = last.epoch() > 1 && before > 0 ? before / (double) (last.epoch() - 1) : Math.max(1, last.step());
        }
        for (MetricsTable.Row row : steps) {
            if (Double.isFinite(row.loss())) s.add(row.step() / perEpoch, row.loss(), false);
        }
        return s;
    }

    /** The runs directory. */
    public ObjectProperty<Path> runsDirProperty() {
        return runsDir;
    }

    /** The runs. */
    public ObservableList<RunSummary> rows() {
        return rows;
    }

    /** The modalities of the completed runs (one accuracy column each). */
    public ObservableList<String> modalities() {
        return modalities;
    }

    /** The scheduler state of runs in a folder submitted to Slurm (by run folder; other runs are absent). */
    public javafx.collections.ObservableMap<Path, String> schedulerStates() {
        return schedulerStates;
    }

    /** A status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Training loss per step of the overlaid runs. */
    public XYSeriesCollection lossOverlay() {
        return lossOverlay;
    }

    /** Validation Acc_m per epoch of the overlaid runs. */
    public XYSeriesCollection accOverlay() {
        return accOverlay;
    }
}
