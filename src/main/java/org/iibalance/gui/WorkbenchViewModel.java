package org.iibalance.gui;

import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.iibalance.gui.gating.GatingViewModel;
import org.iibalance.run.RunSummary;
import org.iibalance.gui.runs.RunsViewModel;
import org.iibalance.gui.setup.SetupViewModel;
import org.iibalance.gui.sweep.SweepViewModel;
import org.iibalance.gui.training.TrainingViewModel;
import org.iibalance.gui.util.TaskExecutor;

/**
 * The workbench's view-models and how they talk: Train takes the set-up's configuration; a run's
 * end refreshes the runs table and opens the run in the gating inspector; opening a run shows its
 * Fig. 3 and gating; re-running loads its configuration. The runs directory follows the set-up's
 * {@code output.runsDir}.
 */
public final class WorkbenchViewModel {
    private final TaskExecutor executor;
    private final SetupViewModel setup;
    private final TrainingViewModel training;
    private final GatingViewModel gating;
    private final SweepViewModel sweep;
    private final RunsViewModel runs;
    private final org.iibalance.gui.robustness.RobustnessViewModel robustness;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding canTrain;
    private final javafx.beans.binding.StringBinding activity;

    /** The workbench over {@code executor}; {@code runsDir} (may be null) overrides output.runsDir. */
    public WorkbenchViewModel(TaskExecutor executor, Path runsDir) {
        this.executor = executor;
        setup = new SetupViewModel(executor);
        if (runsDir != null) setup.setLoaded(withRunsDir(setup, runsDir), null);
        training = new TrainingViewModel(executor);
        gating = new GatingViewModel(executor);
        sweep = new SweepViewModel(executor, setup::config);
        runs = new RunsViewModel(executor, Path.of(setup.entry("output.runsDir").valueProperty().get()));
        robustness = new org.iibalance.gui.robustness.RobustnessViewModel(executor, runs.rows(), runs.runsDirProperty());
        setup.entry("output.runsDir").valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) runs.runsDirProperty().set(Path.of(b));
        });
        // one thing trains at a time: not while a run or a sweep is going
        canTrain = setup.validProperty().and(javafx.beans.binding.Bindings.createBooleanBinding(() -> !training.statusProperty().get().active()
                && !sweep.runningProperty().get(), training.statusProperty(), sweep.runningProperty()));
        activity = javafx.beans.binding.Bindings.createStringBinding(this::describeActivity, training.statusProperty(), sweep.runningProperty(),
                sweep.trialsDoneProperty(), sweep.trialsTotalProperty(), setup.datasetLoadingProperty(), training.methodNameProperty(),
                robustness.runningProperty(), robustness.progressProperty());
        // how a run or a sweep ended becomes the last message (the state fields say the rest)
        sweep.runningProperty().addListener((o, was, now) -> {
            if (!was && now) notice("sweep started: " + sweep.trialsTotalProperty().get() + " trials");
        });
        // the sweep words its end (or refusal) after it stops running
        sweep.statusProperty().addListener((o, was, now) -> {
            if (!sweep.runningProperty().get() && now != null && !now.isEmpty()) notice(now);
        });
        training.onRunEnded(dir -> {
            notice(training.messageProperty().get());
            runs.refresh();
            if (dir == null) return;
            try {
                if (RunSummary.open(dir).hasGating()) gating.load(dir);
            } catch (Exception e) {
                notice("cannot read the gating of " + dir + ": " + e.getMessage());
            }
        });
    }

    private static org.iibalance.config.ExperimentConfig withRunsDir(SetupViewModel s, Path dir) {
        try {
            return org.iibalance.config.ConfigIO.withOverrides(s.config(), java.util.List.of("output.runsDir=" + dir.toAbsolutePath()));
        } catch (org.iibalance.config.ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private String describeActivity() {
        java.util.List<String> a = new java.util.ArrayList<>();
        if (training.statusProperty().get().active()) {
            a.add((training.statusProperty().get() == org.iibalance.gui.training.RunStatus.CANCELLING ? "cancelling run " : "run ")
                    + training.methodNameProperty().get());
        }
        if (sweep.runningProperty().get()) a.add("sweep " + sweep.trialsDoneProperty().get() + "/" + sweep.trialsTotalProperty().get() + " trials");
        if (setup.datasetLoadingProperty().get()) a.add("loading dataset");
        if (robustness.runningProperty().get()) a.add("robustness " + robustness.progressProperty().get());
        return a.isEmpty() ? "idle" : String.join(" + ", a);
    }

    /** What is going on now: a run, a sweep (with its trials done), a dataset loading, or idle. Never the last message. */
    public javafx.beans.binding.StringBinding activityProperty() {
        return activity;
    }

    /** Starts training the set-up's configuration (when valid and nothing runs). */
    public void train() {
        if (canTrain.get()) training.start(setup.config());
    }

    /** Cancels the run. */
    public void cancel() {
        training.cancel();
    }

    /** Shows a finished run: Fig. 3 and the gating inspector. */
    public void open(RunSummary r) {
        String name = runs.displayName(r);
        try {
            training.budget().showRun(r.dir());
            if (r.hasGating()) gating.load(r.dir());
            notice("opened " + name);
        } catch (Exception e) {
            notice("cannot open " + name + ": " + e.getMessage());
        }
    }

    /** Loads a run's configuration into the set-up pane. */
    public void rerun(RunSummary r) {
        String name = runs.displayName(r);
        try {
            setup.loadFromRun(r.dir());
            notice("loaded the configuration of " + name + "; press Train to run it again");
        } catch (Exception e) {
            notice("cannot load " + name + ": " + e.getMessage());
        }
    }

    /** Whether Train is possible now. */
    public BooleanBinding canTrainProperty() {
        return canTrain;
    }

    /** A line for the status bar. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Sets the last message (stamped with the time it was said, so an old one is seen to be old). */
    public void notice(String s) {
        notice.set(java.time.LocalTime.now().withNano(0) + "  " + s);
    }

    /** The set-up pane's state. */
    public SetupViewModel setup() {
        return setup;
    }

    /** The training's state. */
    public TrainingViewModel training() {
        return training;
    }

    /** The inspector's state. */
    public GatingViewModel gating() {
        return gating;
    }

    /** The sweep's state. */
    public SweepViewModel sweep() {
        return sweep;
    }

    /** The runs table's state. */
    public RunsViewModel runs() {
        return runs;
    }

    /** The Robustness tab's state. */
    public org.iibalance.gui.robustness.RobustnessViewModel robustness() {
        return robustness;
    }

    /** The executor. */
    public TaskExecutor executor() {
        return executor;
    }
}
