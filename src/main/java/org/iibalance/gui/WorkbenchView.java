package org.iibalance.gui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.iibalance.gui.budget.BudgetView;
import org.iibalance.gui.gating.GatingView;
import org.iibalance.gui.runs.RunsView;
import org.iibalance.gui.setup.SetupView;
import org.iibalance.gui.sweep.SweepView;
import org.iibalance.gui.training.RunStatus;
import org.iibalance.gui.training.TrainingView;
import org.iibalance.gui.training.TrainingViewModel;
import org.iibalance.gui.util.ChartRefresher;

/**
 * The main window's content: a tool bar (Train, Cancel, Copy CLI command), the six views as tabs, and
 * a status bar (state, device, phase, epoch and batch, clips/s, elapsed, ETA, progress).
 */
public final class WorkbenchView extends BorderPane {
    /** Milliseconds between two redraws of one chart at most (charts of hidden tabs wait until shown). */
    public static final double CHART_REFRESH_MILLIS = 150;
    /** Milliseconds between chart redraws while a run or a sweep trains (see {@link ChartRefresher#setBusy}). */
    public static final double CHART_REFRESH_BUSY_MILLIS = 1000;
    private final TabPane tabs = new TabPane();
    private final SetupView setupView;
    private final TrainingView trainingView;
    private final BudgetView budgetView;
    private final GatingView gatingView;
    private final SweepView sweepView;
    private final RunsView runsView;
    private final org.iibalance.gui.robustness.RobustnessView robustnessView;
    private final ChartRefresher refresher = new ChartRefresher(CHART_REFRESH_MILLIS, CHART_REFRESH_BUSY_MILLIS);

    /** The window over {@code vm}. */
    public WorkbenchView(WorkbenchViewModel vm) {
        setId("workbench");
        TrainingViewModel t = vm.training();
        setupView = new SetupView(vm.setup(), vm::notice);
        trainingView = new TrainingView(t, refresher, vm::notice);
        budgetView = new BudgetView(t.budget(), refresher, vm::notice);
        gatingView = new GatingView(vm.gating(), vm::notice);
        sweepView = new SweepView(vm.sweep(), refresher, vm::notice);
        runsView = new RunsView(vm.runs(), r -> {
            vm.open(r);
            tabs.getSelectionModel().select(2);
        }, r -> {
            vm.rerun(r);
            tabs.getSelectionModel().select(0);
        }, vm::notice);
        robustnessView = new org.iibalance.gui.robustness.RobustnessView(vm.robustness(), refresher, vm::notice);

        Button train = new Button("\u25b6 Train");
        train.setId("trainButton");
        train.disableProperty().bind(vm.canTrainProperty().not());
        train.setOnAction(e -> {
            vm.train();
            tabs.getSelectionModel().select(1);
        });
        Button cancel = new Button("\u25a0 Cancel");
        cancel.setId("cancelButton");
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> t.statusProperty().get() != RunStatus.RUNNING, t.statusProperty()));
        cancel.setOnAction(e -> vm.cancel());
        Button copy = new Button("Copy CLI command");
        copy.setId("copyCli");
        copy.disableProperty().bind(vm.setup().validProperty().not()); // no command for a configuration the CLI would refuse
        copy.setTooltip(new javafx.scene.control.Tooltip("copies the train command of this configuration, with the jar's absolute path"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            String cmd = vm.setup().cliCommand();
            c.putString(cmd);
            Clipboard.getSystemClipboard().setContent(c);
            vm.notice("copied: " + cmd);
        });
        // three separate fields: the last run's state, what is going on now, the last message
        Label state = new Label();
        state.setId("runState");
        state.textProperty().bind(Bindings.createStringBinding(() -> "run: " + t.statusProperty().get().name().toLowerCase(Locale.ROOT), t.statusProperty()));
        state.setStyle("-fx-font-weight: bold;");
        state.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        Label activity = new Label();
        activity.setId("activityLabel");
        activity.textProperty().bind(Bindings.concat("now: ", vm.activityProperty()));
        activity.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(8, train, cancel, new Separator(javafx.geometry.Orientation.VERTICAL), copy,
                new Separator(javafx.geometry.Orientation.VERTICAL), state, activity);
        for (Button b : java.util.List.of(train, cancel, copy)) b.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        top.getStyleClass().add("tool-bar");
        setTop(top);

        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab("Set-up", setupView), new Tab("Training", trainingView), new Tab("Budgets (Fig. 3)", budgetView),
                new Tab("Gating inspector", gatingView), new Tab("Sweep (Fig. 4)", sweepView), new Tab("Runs", runsView),
                new Tab("Robustness", robustnessView));
        setCenter(tabs);

        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        Label status = new Label();
        status.setId("statusLabel");
        var sweep = vm.sweep();
        var runLine = Bindings.createStringBinding(() -> statusLine(t.statusProperty().get(), t.deviceProperty().get().isEmpty()
                ? vm.setup().entry("device").valueProperty().get() : t.deviceProperty().get(), t.positionProperty().get().isEmpty()
                        ? (t.phaseProperty().get() == null ? "" : t.phaseProperty().get().label()) : t.positionProperty().get(),
                t.clipsPerSecondProperty().get(), t.elapsedProperty().get(), t.etaProperty().get()), t.statusProperty(), t.deviceProperty(),
                t.positionProperty(), t.phaseProperty(), t.clipsPerSecondProperty(), t.elapsedProperty(), t.etaProperty(),
                vm.setup().entry("device").valueProperty());
        // during a sweep the global status is the sweep's (a single run's figures would be stale)
        status.textProperty().bind(Bindings.createStringBinding(() -> sweep.runningProperty().get() && !t.statusProperty().get().active()
                ? String.format(Locale.ROOT, "sweep | %d/%d trials ended | %s", sweep.trialsDoneProperty().get(), sweep.trialsTotalProperty().get(),
                        sweep.statusProperty().get()) : runLine.get(), runLine, sweep.runningProperty(), sweep.trialsDoneProperty(), sweep.trialsTotalProperty(),
                sweep.statusProperty(), t.statusProperty()));
        status.setMinWidth(0);
        status.setTooltip(new javafx.scene.control.Tooltip());
        status.getTooltip().textProperty().bind(status.textProperty());
        bar.setText("");
        bar.getLeftItems().add(status);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> t.statusProperty().get().active() ? t.progressProperty().get()
                : sweep.runningProperty().get() ? sweep.trialsDoneProperty().get() / (double) Math.max(1, sweep.trialsTotalProperty().get()) : 0.0,
                t.statusProperty(), t.progressProperty(), sweep.runningProperty(), sweep.trialsDoneProperty(), sweep.trialsTotalProperty()));
        Label message = new Label();
        message.setId("noticeLabel");
        message.textProperty().bind(vm.noticeProperty());
        message.setTooltip(new javafx.scene.control.Tooltip());
        message.getTooltip().textProperty().bind(vm.noticeProperty());
        message.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS); // a long path keeps its file name
        message.maxWidthProperty().bind(widthProperty().multiply(0.3));
        message.setPadding(new javafx.geometry.Insets(0, 0, 0, 12)); // kept apart from the run line
        bar.getRightItems().add(message);
        setBottom(bar);
        refresher.start();
        // charts redraw once a second while training, so that the FX thread leaves the cores to libtorch
        Runnable busy = () -> refresher.setBusy(t.statusProperty().get().active() || vm.sweep().runningProperty().get());
        t.statusProperty().addListener(o -> busy.run());
        vm.sweep().runningProperty().addListener(o -> busy.run());
    }

    /**
     * The status bar's run line: the state and the device, then only the fields that have a value
     * (an idle workbench shows "idle | device cpu", never an empty "| |" field); a run before its first
     * step shows no clips/s or elapsed time and "ETA -", an ended run no ETA.
     */
    public static String statusLine(RunStatus status, String device, String position, double clipsPerSecond, double elapsed, double eta) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        parts.add(status.name().toLowerCase(Locale.ROOT));
        if (device != null && !device.isBlank()) parts.add("device " + device);
        if (status == RunStatus.IDLE) return String.join(" | ", parts);
        if (position != null && !position.isBlank()) parts.add(position.trim());
        if (!Double.isNaN(clipsPerSecond)) parts.add(String.format(Locale.ROOT, "%.0f clips/s", clipsPerSecond));
        if (elapsed > 0) parts.add("elapsed " + time(elapsed));
        if (status.active()) parts.add("ETA " + time(eta));
        return String.join(" | ", parts);
    }

    private static String time(double s) {
        if (Double.isNaN(s) || s < 0) return "-";
        long x = Math.round(s);
        return x >= 3600 ? String.format("%d:%02d:%02d", x / 3600, x / 60 % 60, x % 60) : String.format("%d:%02d", x / 60, x % 60);
    }

    /** What redraws the live charts. */
    public ChartRefresher refresher() {
        return refresher;
    }

    /** The tabs. */
    public TabPane tabs() {
        return tabs;
    }

    /** The training view. */
    public TrainingView trainingView() {
        return trainingView;
    }

    /** The Fig. 3 view. */
    public BudgetView budgetView() {
        return budgetView;
    }

    /** The gating view. */
    public GatingView gatingView() {
        return gatingView;
    }

    /** The sweep view. */
    public SweepView sweepView() {
        return sweepView;
    }

    /** The runs view. */
    public RunsView runsView() {
        return runsView;
    }

    /** The Robustness tab. */
    public org.iibalance.gui.robustness.RobustnessView robustnessView() {
        return robustnessView;
    }

    /** The set-up view. */
    public SetupView setupView() {
        return setupView;
    }
}
