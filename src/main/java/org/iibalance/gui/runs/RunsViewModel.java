package org.iibalance.gui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.RunFolder;
import org.iibalance.experiment.RunResults;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.Csv;
import org.iibalance.gui.util.TaskExecutor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every run folder under the runs directory (and one level deeper, for sweep trials), re-scanned in
 * the background on {@link #refresh()} (the application polls every few seconds); selected runs'
 * {@code metrics.csv} curves overlaid (training loss per step, validation Acc_m per epoch).
 */
public final class RunsViewModel {
    private final TaskExecutor executor;
    private final ObjectProperty<Path> runsDir = new SimpleObjectProperty<>(this, "runsDir");
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final XYSeriesCollection lossOverlay = new XYSeriesCollection();
    private final XYSeriesCollection accOverlay = new XYSeriesCollection();
    private final Map<Path, RunRow> cache = new HashMap<>();
    // runs of matrices and sweeps submitted to Slurm: their scheduler state, polled with the folders
    private final ClusterStates clusterStates = new ClusterStates(10);
    private final javafx.collections.ObservableMap<Path, String> schedulerStates = FXCollections.observableHashMap();
    private volatile Map<Path, String> schedulerFound = Map.of();
    private volatile boolean scanning;

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
            List<RunRow> f = scan(dir);
            schedulerFound = dir == null ? Map.of() : clusterStates.of(dir, f.stream().map(RunRow::dir).toList());
            return f;
        }).onSuccess(found -> {
            scanning = false;
            if (!schedulerFound.equals(schedulerStates)) {
                schedulerStates.clear();
                schedulerStates.putAll(schedulerFound);
            }
            if (!found.equals(new ArrayList<>(rows))) rows.setAll(found);
            status.set(found.size() + " runs in " + dir.toAbsolutePath());
        }).onFailure(t -> {
            scanning = false;
            status.set("cannot read " + dir + ": " + t.getMessage());
        }));
    }

    /** Reads every run folder under {@code dir} (newest first). */
    public List<RunRow> scan(Path dir) throws IOException {
        List<RunRow> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return out;
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (!Files.isDirectory(p)) continue;
                if (Files.isRegularFile(p.resolve(RunFolder.CONFIG))) folders.add(p);
                else try (Stream<Path> inner = Files.list(p)) {
                    inner.filter(q -> Files.isRegularFile(q.resolve(RunFolder.CONFIG))).forEach(folders::add);
                }
            }
        }
        for (Path f : folders) {
            RunRow r = read(dir, f);
            if (r != null) out.add(r);
        }
        out.sort(Comparator.comparing(RunRow::name).reversed());
        return out;
    }

    private synchronized RunRow read(Path root, Path f) {
        String stamp = stamp(f);
        RunRow old = cache.get(f);
        if (old != null && old.stamp().equals(stamp)) return old;
        try {
            ExperimentConfig c = ConfigIO.load(f.resolve(RunFolder.CONFIG), List.of());
            RunResults r = Files.isRegularFile(f.resolve(RunFolder.RESULTS)) ? RunResults.read(f.resolve(RunFolder.RESULTS)) : new RunResults();
            RunRow row = new RunRow(f, root.relativize(f).toString(), c.method().name(), c.dataset().kind(), c.seed(), c.method().tau(), c.method().gamma(),
                    c.method().lambdaStart(), c.training().epochs(), r.number("test.accMultimodal"), r.number("test.accAudio"), r.number("test.accVisual"),
                    r.number("val.accMultimodal"), RunFolder.readState(f).label(), stamp);
            cache.put(f, row);
            return row;
        } catch (Exception e) {
            return null; // a folder being written; next poll
        }
    }

    private static String stamp(Path f) {
        StringBuilder b = new StringBuilder();
        for (String n : List.of(RunFolder.STATE, RunFolder.RESULTS)) {
            try {
                b.append(Files.getLastModifiedTime(f.resolve(n)).toMillis()).append('/');
            } catch (IOException e) {
                b.append("-/");
            }
        }
        return b.toString();
    }

    /** Overlays the curves of the given runs from their metrics.csv (one colour per run). */
    public void overlay(List<RunRow> selected) {
        lossOverlay.removeAllSeries();
        accOverlay.removeAllSeries();
        for (RunRow r : selected) {
            XYSeries loss = new XYSeries(r.name() + " loss", false, true);
            XYSeries acc = new XYSeries(r.name() + " val Acc_m", false, true);
            try {
                List<String[]> m = Csv.read(r.dir().resolve(RunFolder.METRICS));
                if (m.isEmpty()) continue;
                List<String> h = List.of(m.get(0));
                int step = h.indexOf("step"), phase = h.indexOf("phase"), lossC = h.indexOf("loss"), epoch = h.indexOf("epoch"), val = h.indexOf("valAcc_multimodal");
                for (int i = 1; i < m.size(); i++) {
                    String[] row = m.get(i);
                    if (row.length < h.size()) continue;
                    if ("step".equals(row[phase])) loss.add(Csv.number(row[step]), Csv.number(row[lossC]), false);
                    if ("epoch".equals(row[phase])) acc.add(Csv.number(row[epoch]), Csv.number(row[val]), false);
                }
            } catch (IOException e) {
                status.set("cannot read " + r.dir().resolve(RunFolder.METRICS) + ": " + e.getMessage());
            }
            lossOverlay.addSeries(loss);
            accOverlay.addSeries(acc);
        }
    }

    /** The runs directory. */
    public ObjectProperty<Path> runsDirProperty() {
        return runsDir;
    }

    /** The runs. */
    public ObservableList<RunRow> rows() {
        return rows;
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
