package org.iibalance.gui.robustness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iibalance.data.ModalitySpec;
import org.iibalance.experiment.RobustnessRunner;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.TaskExecutor;
import org.iibalance.report.RobustnessFigures;
import org.iibalance.run.RobustnessTable;
import org.iibalance.run.RunSummary;

/**
 * The Robustness tab: completed runs of the runs folder, a grid of corruptions and severities, and
 * {@code robustness} ({@link RobustnessRunner}) run on them in the background with bounded
 * parallelism. Each row comes with the table as written ({@link RobustnessRunner.Progress#table}),
 * so the curves grow live without re-reading robustness.csv; the output folder is
 * the CLI's ({@code robustness --out DIR}: robustness.csv, then the figures and robustness.md), and
 * rows already in it are skipped, so a cancelled evaluation resumes.
 */
public final class RobustnessViewModel {
    /** A corruption spec offered, and whether it is chosen. */
    public record Choice(String spec, BooleanProperty chosen) {
        @Override
        public String toString() {
            return spec;
        }
    }

    /** What an evaluation ended with: the whole table, the figure files written, and the folders skipped with why. */
    private record Outcome(RobustnessTable table, int figureFiles, Map<Path, String> skipped) {}

    private final TaskExecutor executor;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObservableList<RunSummary> chosenRuns = FXCollections.observableArrayList();
    private final ObservableList<Choice> corruptions = FXCollections.observableArrayList();
    private final StringProperty extraSpecs = new SimpleStringProperty(this, "extraSpecs", "");
    private final ObjectProperty<Path> out = new SimpleObjectProperty<>(this, "out");
    private final IntegerProperty parallel = new SimpleIntegerProperty(this, "parallel", 1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<RobustnessTable> table = new ReadOnlyObjectWrapper<>(this, "table", new RobustnessTable(List.of(), List.of()));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "choose runs and corruptions, then Run");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private volatile Thread worker;

    /** A tab over {@code executor}; {@code runsDir} is where the runs are, the default output goes beside it. */
    public RobustnessViewModel(TaskExecutor executor, ObservableList<RunSummary> allRuns, ObjectProperty<Path> runsDir) {
        this.executor = executor;
        allRuns.addListener((javafx.collections.ListChangeListener<RunSummary>) c -> syncRuns(allRuns));
        syncRuns(allRuns);
        runsDir.addListener((o, a, b) -> {
            if (!running.get() && b != null) out.set(defaultOut(b));
        });
        if (runsDir.get() != null) out.set(defaultOut(runsDir.get()));
        setGrid(List.of("audio", "visual"));
    }

    /** Beside the runs folder, so the runs scan never meets it: {@code <runsDir>/../robustness}. */
    static Path defaultOut(Path runsDir) {
        Path abs = runsDir.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs.resolve("robustness") : abs.resolveSibling("robustness");
    }

    private void syncRuns(List<RunSummary> all) {
        List<RunSummary> done = all.stream().filter(RunSummary::completed).toList();
        if (!done.equals(runs)) runs.setAll(done);
        Set<String> mods = new LinkedHashSet<>();
        for (RunSummary r : done) if (r.results() != null) mods.addAll(r.results().modalities());
        if (!mods.isEmpty()) setGrid(new ArrayList<>(mods));
    }

    /**
     * Offers {@link RobustnessRunner#defaultGrid}'s specs for these modalities (a modality named
     * {@code visual}, or with "frame"/"video" in its name, counted as frames; the runner skips, with a
     * reason, a spec a run's data cannot take). Chosen by default: audio noise at every SNR and frames
     * darkened; choices already made for a spec are kept.
     */
    void setGrid(List<String> modalityNames) {
        List<ModalitySpec> specs = new ArrayList<>();
        for (String m : modalityNames) {
            boolean frames = m.equals("visual") || m.contains("frame") || m.contains("video");
            specs.add(new ModalitySpec(m, frames ? ModalitySpec.Kind.FRAMES : ModalitySpec.Kind.SPECTROGRAM, new long[] {1}));
        }
        Map<String, Boolean> before = new LinkedHashMap<>();
        for (Choice c : corruptions) before.put(c.spec(), c.chosen().get());
        List<String> grid = RobustnessRunner.defaultGrid(specs);
        if (before.keySet().equals(new LinkedHashSet<>(grid))) return;
        List<Choice> now = new ArrayList<>();
        for (String s : grid) {
            boolean byDefault = s.startsWith("audio-noise:") || s.contains("-darken:");
            now.add(new Choice(s, new SimpleBooleanProperty(before.getOrDefault(s, byDefault))));
        }
        corruptions.setAll(now);
    }

    /** The specs to evaluate: the chosen ones, then those typed in (comma- or space-separated). */
    public List<String> specs() {
        List<String> s = new ArrayList<>();
        for (Choice c : corruptions) if (c.chosen().get()) s.add(c.spec());
        for (String x : extraSpecs.get().split("[,\\s]+")) if (!x.isBlank() && !s.contains(x.trim())) s.add(x.trim());
        return s;
    }

    /** Chooses exactly these specs (the others are unchosen; unknown ones go to the extra specs). */
    public void choose(List<String> specs) {
        List<String> extra = new ArrayList<>();
        for (Choice c : corruptions) c.chosen().set(specs.contains(c.spec()));
        for (String s : specs) if (corruptions.stream().noneMatch(c -> c.spec().equals(s))) extra.add(s);
        extraSpecs.set(String.join(", ", extra));
    }

    /** Starts the evaluation of the chosen runs (nothing when it cannot start; the status says why). */
    public void start() {
        if (running.get()) return;
        List<Path> dirs = chosenRuns.stream().map(RunSummary::dir).toList();
        if (dirs.isEmpty()) {
            status.set("choose at least one completed run");
            return;
        }
        List<String> specs = specs();
        if (specs.isEmpty()) {
            status.set("choose at least one corruption (the clean evaluation is always added)");
            return;
        }
        Path dir = out.get();
        if (dir == null) {
            status.set("choose an output folder");
            return;
        }
        RobustnessRunner runner = new RobustnessRunner(dirs, dir, Math.max(1, parallel.get()));
        try {
            runner.optCorruptions(specs); // parses each spec: a bad one is refused before anything runs
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        running.set(true);
        progress.set("0/" + dirs.size() * (specs.size() + 1) + " rows");
        status.set("evaluating " + dirs.size() + " run(s) x " + (specs.size() + 1) + " conditions into " + dir);
        try {
            table.set(RobustnessTable.readOrEmpty(dir)); // rows already there are kept (resume)
        } catch (java.io.IOException e) {
            status.set("cannot read " + RobustnessTable.file(dir) + ": " + e.getMessage());
            running.set(false);
            return;
        }
        runner.optProgress(p -> {
            executor.runOnUi(() -> {
                // runs evaluated in parallel may report out of order: a table never goes back to fewer rows
                if (p.table().rows().size() > table.get().rows().size()) table.set(p.table());
                progress.set(String.format(Locale.ROOT, "%d/%d rows, ETA %s", p.done(), p.total(), Double.isNaN(p.eta()) ? "?" : Math.round(p.eta()) + " s"));
                status.set(p.line());
            });
        });
        executor.execute(BackgroundJob.of(pr -> {
            worker = Thread.currentThread();
            try {
                RobustnessTable t = runner.run();
                List<Path> files = t.rows().isEmpty() ? List.of() : RobustnessFigures.write(t, dir);
                return new Outcome(t, files.size(), new LinkedHashMap<>(runner.skipped()));
            } finally {
                worker = null;
                Thread.interrupted(); // a cancel that came late must not reach the pool's next job
            }
        }).onSuccess(r -> {
            running.set(false);
            RobustnessTable t = r.table();
            table.set(t);
            Map<Path, String> skipped = r.skipped();
            status.set(t.rows().size() + " rows in " + RobustnessTable.file(dir) + "; " + r.figureFiles() + " figure files and robustness.md written"
                    + (skipped.isEmpty() ? "" : "; skipped: " + skipped.entrySet().iterator().next().getKey().getFileName() + ": "
                            + skipped.entrySet().iterator().next().getValue() + (skipped.size() > 1 ? " (+" + (skipped.size() - 1) + " more)" : "")));
            progress.set("");
        }).onFailure(t -> {
            running.set(false);
            progress.set("");
            boolean cancelled = t instanceof InterruptedException || t.getCause() instanceof InterruptedException;
            status.set(cancelled ? "cancelled: " + table.get().rows().size() + " rows kept in " + RobustnessTable.file(dir) + " (Run again resumes)"
                    : "robustness failed: " + BackgroundJob.describe(t));
        }));
    }

    /** Stops the evaluation (rows written so far stay; Run again resumes). */
    public void cancel() {
        Thread w = worker;
        if (w != null) {
            status.set("cancelling...");
            w.interrupt();
        }
    }

    /** The corruption names (with a severity) in the table, for the chart's picker. */
    public List<String> severityCorruptions() {
        Set<String> s = new LinkedHashSet<>();
        for (RobustnessTable.Row r : table.get().rows()) if (!r.parameter().isEmpty()) s.add(r.corruption());
        return new ArrayList<>(s);
    }

    /** The severity parameter of a corruption in the table ({@code snr}, {@code level}...), empty when none. */
    public String parameterOf(String corruption) {
        for (RobustnessTable.Row r : table.get().rows()) if (r.corruption().equals(corruption)) return r.parameter();
        return "";
    }

    /** The methods with fusion weights under a corruption (their mean weights are drawn). */
    public List<String> methodsWithWeights(String corruption) {
        Set<String> m = new LinkedHashSet<>();
        for (RobustnessTable.Row r : table.get().rows()) if (r.corruption().equals(corruption) && r.hasWeights()) m.add(r.method());
        return new ArrayList<>(m);
    }

    /** Completed runs of the runs folder. */
    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** The runs chosen (the view's selection). */
    public ObservableList<RunSummary> chosenRuns() {
        return chosenRuns;
    }

    /** The corruption specs offered. */
    public ObservableList<Choice> corruptions() {
        return corruptions;
    }

    /** More specs, typed ({@code evaluate --corrupt} syntax). */
    public StringProperty extraSpecsProperty() {
        return extraSpecs;
    }

    /** Where robustness.csv and the figures go. */
    public ObjectProperty<Path> outProperty() {
        return out;
    }

    /** Runs evaluated at once. */
    public IntegerProperty parallelProperty() {
        return parallel;
    }

    /** Whether an evaluation is going. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The table so far (grows row by row). */
    public ReadOnlyObjectProperty<RobustnessTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** The last message. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Rows done of rows expected and the ETA, empty when idle. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
