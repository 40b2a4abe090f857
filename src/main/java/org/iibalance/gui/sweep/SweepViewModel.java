package org.iibalance.gui.sweep;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.CancellationToken;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.experiment.SweepListener;
import org.iibalance.experiment.SweepRunner;
import org.iibalance.experiment.SweepSpec;
import org.iibalance.run.Results;
import org.iibalance.run.RunSummary;
import org.iibalance.experiment.cluster.ClusterTrial;
import org.iibalance.experiment.cluster.Slurm;
import org.iibalance.experiment.cluster.SlurmExecutor;
import org.iibalance.experiment.cluster.SlurmSettings;
import org.iibalance.experiment.cluster.TaskLauncher;
import org.iibalance.experiment.cluster.TrialState;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.EventBatcher;
import org.iibalance.gui.util.TaskExecutor;
import org.iibalance.report.Charts;
import org.jfree.chart.JFreeChart;

/**
 * The Fig. 4 sweep: a grid over two keys (tau and gamma by default, any numeric key allowed) and
 * seeds, run by the core's {@link SweepRunner} with bounded parallelism in the background. Trial
 * ends arrive through an {@link EventBatcher} and fill the table. Each axis gets a
 * {@link Charts#sensitivity} chart: test Acc_m per value of that axis as mean +- std over the seeds
 * <em>and</em> the other axis' values (the marginal effect of the key); the best trial is chosen by
 * validation Acc_m ({@code val.accMultimodal}), never by test, and its value is marked.
 */
public final class SweepViewModel {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TaskExecutor executor;
    private final Supplier<ExperimentConfig> base;
    private final EventBatcher<SweepRow> batcher = new EventBatcher<>(this::apply);
    private final ObservableList<SweepRow> rows = FXCollections.observableArrayList();
    private final StringProperty axis1Key = new SimpleStringProperty(this, "axis1Key", "method.tau");
    private final StringProperty axis1Values = new SimpleStringProperty(this, "axis1Values", "0.03,0.07,0.2");
    private final StringProperty axis2Key = new SimpleStringProperty(this, "axis2Key", "method.gamma");
    private final StringProperty axis2Values = new SimpleStringProperty(this, "axis2Values", "0.5,1.0");
    private final StringProperty seeds = new SimpleStringProperty(this, "seeds", "1");
    private final IntegerProperty parallelism = new SimpleIntegerProperty(this, "parallelism", 1);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final IntegerProperty version = new SimpleIntegerProperty(this, "version");
    private final IntegerProperty trialsDone = new SimpleIntegerProperty(this, "trialsDone");
    private final IntegerProperty trialsTotal = new SimpleIntegerProperty(this, "trialsTotal");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "set the grid and press Run sweep");
    private final List<String> keys = new ArrayList<>();
    private CancellationToken token;
    private Path sweepDir;
    // Slurm: the same settings as `sweep --executor slurm` (a settings file and single keys on top)
    private final BooleanProperty onSlurm = new SimpleBooleanProperty(this, "onSlurm", false);
    private final StringProperty slurmConfig = new SimpleStringProperty(this, "slurmConfig", "");
    private final StringProperty partition = new SimpleStringProperty(this, "partition", "");
    private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private double slurmPollSeconds = 5;
    private String slurmClassPath;
    private volatile SlurmExecutor cluster;

    /** A sweep view-model over the configuration {@code base} supplies (the set-up pane's). */
    public SweepViewModel(TaskExecutor executor, Supplier<ExperimentConfig> base) {
        this.executor = executor;
        this.base = base;
    }

    /** Starts draining trial results onto the FX thread (application only). */
    public void startPump(double periodMillis) {
        batcher.start(periodMillis);
    }

    /** Applies queued trial results now (tests). */
    public int pumpNow() {
        return batcher.drainNow();
    }

    /** The grid as the SweepRunner takes it; throws with the CLI's message when a key or value is bad. */
    public SweepSpec spec() throws ConfigException {
        List<SweepSpec.Axis> axes = new ArrayList<>();
        if (!axis1Key.get().isBlank()) axes.add(SweepSpec.Axis.parse(axis1Key.get().trim() + "=" + axis1Values.get()));
        if (!axis2Key.get().isBlank()) axes.add(SweepSpec.Axis.parse(axis2Key.get().trim() + "=" + axis2Values.get()));
        List<Long> s = new ArrayList<>();
        for (String v : seeds.get().split(",")) {
            if (v.isBlank()) continue;
            try {
                s.add(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException("seeds", "'" + v.trim() + "' is not a whole number");
            }
        }
        return new SweepSpec(base.get(), axes, s, Math.max(1, parallelism.get()));
    }

    /** Validates the grid and starts the sweep into {@code <runsDir>/sweep-<timestamp>/}. */
    public void start() {
        if (running.get()) return;
        SweepSpec spec;
        List<SweepSpec.Trial> trials;
        try {
            spec = spec();
            trials = spec.trials();
        } catch (ConfigException e) {
            status.set("sweep refused: " + e.getMessage().replace('\n', ';'));
            return;
        }
        keys.clear();
        for (SweepSpec.Axis a : spec.axes()) keys.add(a.key());
        rows.clear();
        for (SweepSpec.Trial t : trials) rows.add(new SweepRow(t.index(), t.name(), t.values(), t.seed(), "pending", Double.NaN, Double.NaN, false));
        trialsTotal.set(rows.size());
        trialsDone.set(0);
        sweepDir = Path.of(spec.base().output().runsDir()).resolve("sweep-" + LocalDateTime.now().format(STAMP));
        token = new CancellationToken();
        running.set(true);
        version.set(version.get() + 1);
        if (onSlurm.get()) {
            startOnSlurm(spec, trials);
            return;
        }
        status.set("running " + trials.size() + " trials, " + spec.parallelism() + " at once, into " + sweepDir);
        SweepRunner runner = new SweepRunner(spec, sweepDir).optCancellation(token).optListener(new SweepListener() {
            @Override
            public void trialStarted(SweepSpec.Trial t) {
                batcher.offer(new SweepRow(t.index(), t.name(), t.values(), t.seed(), "running", Double.NaN, Double.NaN, false));
            }

            @Override
            public void trialFinished(SweepSpec.Trial t, RunOutcome o, boolean skipped) {
                double val = o.results() == null ? Double.NaN : o.results().valAccuracy();
                double test = o.results() == null ? Double.NaN : o.results().accMultimodal();
                batcher.offer(new SweepRow(t.index(), t.name(), t.values(), t.seed(), o.state().label() + (skipped ? " (earlier)" : ""), val, test, false));
            }
        });
        executor.execute(BackgroundJob.of(p -> runner.run()).onSuccess(out -> {
            pumpNow();
            running.set(false);
            long done = rows.stream().filter(r -> r.state().startsWith("completed")).count();
            status.set("sweep ended: " + done + " of " + rows.size() + " trials completed (" + sweepDir + ")");
        }).onFailure(t -> {
            pumpNow();
            running.set(false);
            status.set("sweep failed: " + org.iibalance.gui.util.BackgroundJob.describe(t));
        }));
    }

    /** Trials ended (completed, failed, cancelled or done earlier) in the current or last sweep. */
    public IntegerProperty trialsDoneProperty() {
        return trialsDone;
    }

    /** Trials of the current or last sweep. */
    public IntegerProperty trialsTotalProperty() {
        return trialsTotal;
    }

    /** Stops the sweep: running trials stop at their next batch, the rest do not start (on Slurm: scancel). */
    public void cancel() {
        SlurmExecutor c = cluster;
        if (c != null && running.get()) {
            executor.execute(BackgroundJob.of(p -> c.cancel()).onSuccess(ids -> status.set("cancelled Slurm job(s) " + ids + "; waiting for the tasks to stop"))
                    .onFailure(t -> status.set("scancel failed: " + t.getMessage())));
            return;
        }
        if (token != null) token.cancel();
        status.set("cancelling the sweep...");
    }

    /** The Slurm settings of the fields: the settings file (if named), then partition, memory and time. */
    public SlurmSettings slurmSettings() throws ConfigException {
        SlurmSettings s = slurmConfig.get().isBlank() ? SlurmSettings.defaults() : SlurmSettings.load(Path.of(slurmConfig.get().trim()));
        return s.override(blankToNull(partition.get()), null, null, blankToNull(memory.get()), blankToNull(time.get()), null, null, null, null, null, null, null)
                .validate("");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Submits the trials as one Slurm job array, then polls the scheduler and the trial folders into the table until every trial has ended. */
    private void startOnSlurm(SweepSpec spec, List<SweepSpec.Trial> trials) {
        SlurmSettings settings;
        TaskLauncher launcher;
        List<ClusterTrial> ct;
        try {
            settings = slurmSettings();
            launcher = slurmClassPath != null ? TaskLauncher.ofClassPath(settings, slurmClassPath) : TaskLauncher.of(settings);
            ct = ClusterTrial.ofSweep(spec, sweepDir);
        } catch (ConfigException e) {
            running.set(false);
            status.set("Slurm refused: " + e.getMessage().replace('\n', ';'));
            return;
        }
        status.set("submitting " + trials.size() + " trials to Slurm into " + sweepDir);
        executor.execute(BackgroundJob.of(p -> {
            String why = Slurm.unavailableReason();
            if (why != null) throw new java.io.IOException("Slurm cannot be used from here: " + why);
            SlurmExecutor ex = new SlurmExecutor(sweepDir);
            SlurmExecutor.Submission sub = ex.submit(ct, settings, launcher, null);
            cluster = ex;
            p.accept("job array " + sub.arrayJobId());
            return ex.await(slurmPollSeconds, prog -> {
                for (SlurmExecutor.TrialStatus st : prog.statuses()) batcher.offer(row(trials.get(st.trial().index()), st));
                p.accept(prog.line());
            }, token);
        }).onProgress(line -> status.set("Slurm: " + line)).onSuccess(end -> {
            pumpNow();
            running.set(false);
            cluster = null;
            status.set("sweep on Slurm ended: " + SlurmExecutor.summary(end) + " (" + sweepDir + ")");
        }).onFailure(t -> {
            pumpNow();
            running.set(false);
            cluster = null;
            status.set("sweep on Slurm failed: " + org.iibalance.gui.util.BackgroundJob.describe(t));
        }));
    }

    private static SweepRow row(SweepSpec.Trial t, SlurmExecutor.TrialStatus st) {
        double val = Double.NaN;
        double test = Double.NaN;
        if (st.state() == TrialState.COMPLETED) {
            try {
                Results r = RunSummary.results(st.trial().dir());
                val = r.valAccuracy();
                test = r.accMultimodal();
            } catch (java.io.IOException e) {
                // completed but unreadable: no figures in the table
            }
        }
        return new SweepRow(t.index(), t.name(), t.values(), t.seed(), st.state().label(), val, test, false);
    }

    private void apply(List<SweepRow> updates) {
        for (SweepRow u : updates) {
            if (u.index() < rows.size()) rows.set(u.index(), u);
            else rows.add(u);
        }
        markBest();
        trialsDone.set((int) rows.stream().filter(r -> !r.state().equals("pending") && !r.state().equals("running")).count());
        version.set(version.get() + 1);
    }

    private void markBest() {
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (!Double.isNaN(rows.get(i).valAccM()) && (best < 0 || rows.get(i).valAccM() > rows.get(best).valAccM())) best = i;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).best() != (i == best)) rows.set(i, rows.get(i).withBest(i == best));
        }
    }

    /** Mean and std of test Acc_m per value of axis {@code a}, over seeds and the other axis: {x, mean, std}. */
    public List<double[]> points(int a) {
        Map<Double, List<Double>> by = new TreeMap<>();
        for (SweepRow r : rows) {
            if (Double.isNaN(r.testAccM()) || a >= r.values().size()) continue;
            double x;
            try {
                x = Double.parseDouble(r.values().get(a));
            } catch (NumberFormatException e) {
                continue;
            }
            by.computeIfAbsent(x, k -> new ArrayList<>()).add(r.testAccM());
        }
        List<double[]> out = new ArrayList<>();
        for (Map.Entry<Double, List<Double>> e : by.entrySet()) {
            double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double var = 0;
            for (double v : e.getValue()) var += (v - mean) * (v - mean);
            double std = e.getValue().size() > 1 ? Math.sqrt(var / (e.getValue().size() - 1)) : 0;
            out.add(new double[] {e.getKey(), mean, std});
        }
        return out;
    }

    /** The best trial by validation Acc_m, or null. */
    public SweepRow best() {
        for (SweepRow r : rows) if (r.best()) return r;
        return null;
    }

    /** The key of axis {@code a} ("" if none). */
    public String key(int a) {
        return a < keys.size() ? keys.get(a) : (a == 0 ? axis1Key.get() : axis2Key.get());
    }

    /** The Fig. 4 chart of axis {@code a}, with the best trial's value marked. */
    public JFreeChart chart(int a) {
        SweepRow b = best();
        Double bestX = null;
        if (b != null && a < b.values().size()) {
            try {
                bestX = Double.parseDouble(b.values().get(a));
            } catch (NumberFormatException ignored) {
                // a text axis has no position to mark
            }
        }
        List<double[]> pts = points(a);
        boolean logX = pts.size() > 1 && pts.get(0)[0] > 0 && pts.get(pts.size() - 1)[0] / pts.get(0)[0] >= 20;
        return Charts.sensitivity("Acc_m vs " + key(a) + " (Fig. 4; best by validation)", key(a), pts, bestX, logX);
    }

    /** The trials. */
    public ObservableList<SweepRow> rows() {
        return rows;
    }

    /** First axis key. */
    public StringProperty axis1KeyProperty() {
        return axis1Key;
    }

    /** First axis values, comma-separated. */
    public StringProperty axis1ValuesProperty() {
        return axis1Values;
    }

    /** Second axis key ("" for a one-axis sweep). */
    public StringProperty axis2KeyProperty() {
        return axis2Key;
    }

    /** Second axis values, comma-separated. */
    public StringProperty axis2ValuesProperty() {
        return axis2Values;
    }

    /** Seeds, comma-separated. */
    public StringProperty seedsProperty() {
        return seeds;
    }

    /** Trials at once. */
    public IntegerProperty parallelismProperty() {
        return parallelism;
    }

    /** Whether a sweep is going. */
    public BooleanProperty runningProperty() {
        return running;
    }

    /** Ticks whenever the table changes (charts redraw). */
    public IntegerProperty versionProperty() {
        return version;
    }

    /** A status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Submit to Slurm instead of running in this process. */
    public BooleanProperty onSlurmProperty() {
        return onSlurm;
    }

    /** A Slurm settings file (YAML, the keys of sample-configs/slurm.yaml), or blank. */
    public StringProperty slurmConfigProperty() {
        return slurmConfig;
    }

    /** Slurm partition (blank: the settings file's or the cluster's default). */
    public StringProperty partitionProperty() {
        return partition;
    }

    /** Memory per trial, e.g. 4G (blank: the settings file's or 4G). */
    public StringProperty memoryProperty() {
        return memory;
    }

    /** Time limit per trial, e.g. 02:00:00 (blank: the settings file's or the partition's). */
    public StringProperty timeProperty() {
        return time;
    }

    /** How often a sweep on Slurm polls (tests make it short). */
    public void optSlurmPollSeconds(double s) {
        slurmPollSeconds = s;
    }

    /** The class path the Slurm tasks run instead of this application's jar (tests: there is no jar before packaging). */
    public void optSlurmClassPath(String cp) {
        slurmClassPath = cp;
    }

    /** The folder of the last sweep. */
    public Path sweepDir() {
        return sweepDir;
    }
}
