package org.iibalance.gui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
import org.iibalance.config.ConfigException;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.CancellationToken;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.experiment.TrainingEvent;
import org.iibalance.gui.budget.BudgetViewModel;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.DisplayFeed;
import org.iibalance.gui.util.EventBatcher;
import org.iibalance.gui.util.PointSeries;
import org.iibalance.gui.util.TaskExecutor;
import org.iibalance.method.LambdaSchedule;
import org.iibalance.method.Methods;
import org.iibalance.run.Capabilities;
import org.iibalance.run.CsvFile;
import org.iibalance.run.Results;
import org.iibalance.run.RunState;
import org.iibalance.run.TrainingPhase;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * State of a training run watched live. The run goes on a background thread through the
 * {@link TaskExecutor}; its events are copied into an {@link EventBatcher} on the training thread
 * and applied here in batches on the FX thread ({@link #apply}): progress properties, the loss
 * curves (L_I, L_II, total; raw and smoothed), the lambda(t) schedule with the current point, the
 * validation accuracies per epoch, and the Fig. 3 figures ({@link #budget()}).
 */
public final class TrainingViewModel {
    private final TaskExecutor executor;
    private final EventBatcher<TrainingEvent> batcher = new EventBatcher<>(this::apply);
    private final BudgetViewModel budget = new BudgetViewModel();
    private final List<Consumer<Path>> runEndListeners = new ArrayList<>();

    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>(this, "status", RunStatus.IDLE);
    private final ReadOnlyObjectWrapper<TrainingPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "ready");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final DoubleProperty clipsPerSecond = new SimpleDoubleProperty(this, "clipsPerSecond", Double.NaN);
    private final DoubleProperty elapsed = new SimpleDoubleProperty(this, "elapsed", 0);
    private final DoubleProperty eta = new SimpleDoubleProperty(this, "eta", Double.NaN);
    private final DoubleProperty currentLambda = new SimpleDoubleProperty(this, "currentLambda", Double.NaN);
    private final DoubleProperty currentT = new SimpleDoubleProperty(this, "currentT", Double.NaN);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0.6);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final ObjectProperty<Path> runDir = new SimpleObjectProperty<>(this, "runDir");
    private final IntegerProperty epochsCompleted = new SimpleIntegerProperty(this, "epochsCompleted");
    private final List<Double> epochClipsPerSecond = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Capabilities> capabilities = new ReadOnlyObjectWrapper<>(this, "capabilities", Capabilities.NONE);
    private final ReadOnlyStringWrapper methodName = new ReadOnlyStringWrapper(this, "methodName", "");
    private final RunProgress runProgress = new RunProgress();

    private final LossSeries lossI = new LossSeries("L_I", 0.6);
    private final LossSeries lossII = new LossSeries("L_II", 0.6);
    private final LossSeries total = new LossSeries("total", 0.6);
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final XYSeries schedule = new XYSeries("\u03bb(t) (Eq. 12)", false, true);
    private final XYSeries lambdaNow = new XYSeries("\u03bb now", false, true);
    private final XYSeriesCollection lambdaData = new XYSeriesCollection();
    private final XYSeries accM = new XYSeries("val Acc_m", false, true);
    /** Validation accuracy per modality, one series each (made when the run names its modalities). */
    private final Map<String, XYSeries> accByModality = new LinkedHashMap<>();
    private List<String> modalities = List.of();
    private final XYSeriesCollection accData = new XYSeriesCollection();
    /** The selected (best on validation) epoch's Acc_m, one point. */
    private final XYSeries best = new XYSeries("selected epoch", false, true);
    private final XYSeriesCollection bestData = new XYSeriesCollection();
    /** The budget models' (Eq. 1) training loss and validation accuracy per epoch, one series per modality. */
    private final Map<String, XYSeries> budgetLoss = new LinkedHashMap<>();
    private final Map<String, XYSeries> budgetAcc = new LinkedHashMap<>();
    private final XYSeriesCollection budgetLossData = new XYSeriesCollection();
    private final XYSeriesCollection budgetAccData = new XYSeriesCollection();
    private final DisplayFeed budgetFeed = new DisplayFeed(() -> {}); // points go straight into its series
    private final DisplayFeed lossFeed = new DisplayFeed(this::showLosses);
    private final DisplayFeed lambdaFeed = new DisplayFeed(this::showLambda);
    private final DisplayFeed accuracyFeed = new DisplayFeed(() -> {}); // points go straight into its series
    /**
     * A baseline's own control signals per epoch (the {@code ctrl_*} columns of its metrics.csv, e.g.
     * OGM-GE's k_m), one series each, in the columns' order; a point per epoch from its
     * {@code EpochCompleted} event, which carries the values of the epoch's row.
     */
    private final XYSeriesCollection controlData = new XYSeriesCollection();
    /** Every control signal the run names (in its column order), with or without points yet. */
    private final Map<String, XYSeries> controlByName = new LinkedHashMap<>();
    private final DisplayFeed controlFeed = new DisplayFeed(() -> {}); // points go straight into its series
    private final javafx.collections.ObservableList<String> controlNames = javafx.collections.FXCollections.observableArrayList();
    private CancellationToken token;
    private int epochs;

    /** A view-model running its trainings through {@code executor}. */
    public TrainingViewModel(TaskExecutor executor) {
        this.executor = executor;
        for (LossSeries s : List.of(total, lossI, lossII)) lossData.addSeries(s.smooth);
        for (LossSeries s : List.of(total, lossI, lossII)) lossData.addSeries(s.raw);
        lambdaData.addSeries(schedule);
        lambdaData.addSeries(lambdaNow);
        accData.addSeries(accM);
        bestData.addSeries(best);
        best.setNotify(false);
        // the charts are told of changes only through the feeds (one redraw per refresh, not per point)
        for (XYSeries s : List.of(schedule, lambdaNow, accM)) s.setNotify(false);
        smoothing.addListener((o, a, b) -> {
            double w = Math.max(0, Math.min(0.999, b.doubleValue()));
            for (LossSeries s : List.of(total, lossI, lossII)) s.setWeight(w);
            lossFeed.markDirty();
        });
    }

    private void showLosses() {
        for (LossSeries s : List.of(total, lossI, lossII)) s.show();
    }

    private void showLambda() {
        lambdaNow.clear();
        if (!Double.isNaN(currentLambda.get())) lambdaNow.add(currentT.get(), currentLambda.get(), false);
    }

    /** Starts draining events onto the FX thread every {@code periodMillis} (application only). */
    public void startPump(double periodMillis) {
        batcher.start(periodMillis);
    }

    /** Applies what is queued now (tests and the end of a run). */
    public int pumpNow() {
        return batcher.drainNow();
    }

    /** Called with the run folder whenever a run ends (completed, cancelled or failed). */
    public void onRunEnded(Consumer<Path> l) {
        runEndListeners.add(l);
    }

    /** Starts a run of {@code cfg} in the background; ignored while one is going. */
    public void start(ExperimentConfig cfg) {
        if (status.get().active()) return;
        reset(cfg);
        status.set(RunStatus.RUNNING);
        message.set("starting " + cfg.method().name() + " on " + cfg.dataset().kind());
        device.set(cfg.device());
        CancellationToken t = new CancellationToken();
        token = t;
        executor.execute(BackgroundJob.of(p -> new ExperimentRunner(cfg).optListener(batcher::offer).optCancellation(t).run())
                .onSuccess(this::ended)
                .onFailure(this::failed));
    }

    /** Asks the run to stop at the next batch (the loop writes a consistent, cancelled folder). */
    public void cancel() {
        if (token != null && status.get() == RunStatus.RUNNING) {
            token.cancel();
            status.set(RunStatus.CANCELLING);
            message.set("cancelling at the next batch...");
        }
    }

    private void reset(ExperimentConfig cfg) {
        for (LossSeries s : List.of(total, lossI, lossII)) s.clear();
        for (XYSeries s : List.of(accM, lambdaNow, schedule, best)) s.clear();
        budgetLoss.clear();
        budgetAcc.clear();
        controlData.removeAllSeries();
        controlByName.clear();
        controlNames.clear();
        budgetLossData.removeAllSeries();
        budgetAccData.removeAllSeries();
        methodName.set(cfg.method().name());
        for (XYSeries s : accByModality.values()) accData.removeSeries(s);
        accByModality.clear();
        modalities = List.of();
        epochs = cfg.training().epochs();
        Capabilities caps;
        try {
            caps = Methods.capabilities(cfg.method());
        } catch (IllegalArgumentException unknownMethod) {
            caps = Capabilities.NONE; // the run will refuse it with the reason
        }
        capabilities.set(caps);
        runProgress.plan(0, 0, 0, 0); // unknown until the run plans its work
        if (caps.lambdaSchedule() && cfg.method().lambdaStart() >= 0 && cfg.method().lambdaStart() <= 1 && epochs >= 1) {
            // Eq. 12 drawn whole, on the same 1-based epoch axis as the accuracy chart: epoch e trains
            // with lambda(t = e - 1), constant within the epoch (a step per epoch)
            LambdaSchedule ls = new LambdaSchedule(cfg.method().lambdaStart(), epochs);
            for (int e = 1; e <= epochs; e++) {
                schedule.add(e - 0.5, ls.at(e - 1), false);
                schedule.add(e + 0.5, ls.at(e - 1), false);
            }
        }
        budget.reset();
        epochClipsPerSecond.clear();
        progress.set(0);
        clipsPerSecond.set(Double.NaN);
        eta.set(Double.NaN);
        elapsed.set(0);
        position.set("");
        phase.set(null);
        currentLambda.set(Double.NaN);
        currentT.set(Double.NaN);
        epochsCompleted.set(0);
        runDir.set(null);
        lossFeed.markDirty();
        lambdaFeed.markDirty();
        accuracyFeed.markDirty();
        budgetFeed.markDirty();
        controlFeed.markDirty();
    }

    /**
     * Applies a batch of events (FX thread). The data are updated at once; the charts only learn of it
     * through their {@link DisplayFeed}s, and redraw when their owner decides (see {@code ChartRefresher}).
     */
    public void apply(List<TrainingEvent> events) {
        boolean losses = false;
        boolean acc = false;
        boolean lam = false;
        for (TrainingEvent e : events) {
            elapsed.set(e.elapsed());
            budget.accept(e);
            if (e instanceof TrainingEvent.RunPlanned p) {
                capabilities.set(p.capabilities());
                runProgress.plan(p.modalities().size(), p.budgetMaxEpochs(), p.epochs(), p.stepsPerEpoch());
                progress.set(0);
            } else if (e instanceof TrainingEvent.BudgetEstimated) {
                runProgress.budgetFinished();
                progress.set(runProgress.fraction());
            } else if (e instanceof TrainingEvent.PhaseChanged p) {
                phase.set(p.phase());
                message.set(p.description());
            } else if (e instanceof TrainingEvent.TrainingStarted t) {
                device.set(t.device());
                capabilities.set(t.capabilities());
                modalities = List.copyOf(t.modalities());
                for (String m : modalities) {
                    if (accByModality.containsKey(m)) continue;
                    XYSeries s = new XYSeries("val Acc_" + m, false, true);
                    s.setNotify(false);
                    accByModality.put(m, s);
                    accData.addSeries(s);
                }
                acc = true;
            } else if (e instanceof TrainingEvent.BudgetEpoch b) {
                message.set(String.format(Locale.ROOT, "budget model %s: epoch %d/%d, loss %.3f, val acc %.3f", b.modality(), b.epoch(), b.maxEpochs(),
                        b.trainLoss(), b.valAccuracy()));
                budgetSeries(budgetLoss, budgetLossData, "loss " + b.modality(), b.modality()).add(b.epoch(), b.trainLoss(), false);
                budgetSeries(budgetAcc, budgetAccData, "val acc " + b.modality(), b.modality()).add(b.epoch(), b.valAccuracy(), false);
                if (!Double.isNaN(b.clipsPerSecond())) clipsPerSecond.set(b.clipsPerSecond());
                budgetFeed.markDirty();
            } else if (e instanceof TrainingEvent.StepCompleted s) {
                phase.set(s.phase());
                position.set(String.format(Locale.ROOT, "%s epoch %d/%d batch %d/%d", s.phase().label(), s.epoch(), s.epochs(), s.step(), s.steps()));
                if (!Double.isNaN(s.clipsPerSecond())) clipsPerSecond.set(s.clipsPerSecond());
                runProgress.step(s.phase(), s.epoch(), s.step(), s.steps(), s.elapsed());
                if (runProgress.planned()) {
                    progress.set(runProgress.fraction());
                    eta.set(runProgress.eta());
                } else { // a run that did not plan (older engine): the phase's own figures
                    eta.set(s.eta());
                    double done = ((s.epoch() - 1) * (double) s.steps() + s.step()) / Math.max(1.0, (double) s.epochs() * s.steps());
                    progress.set(Math.max(0, Math.min(1, done)));
                }
                if (TrainingPhase.TRAIN.equals(s.phase())) {
                    if (!capabilities.get().stageLosses()) {
                        total.add(s.globalStep(), s.loss());
                        losses = true;
                        continue;
                    }
                    lossI.add(s.globalStep(), s.lossStageI());
                    lossII.add(s.globalStep(), s.lossStageII());
                    total.add(s.globalStep(), s.loss());
                    losses = true;
                    if (!Double.isNaN(s.lambda())) {
                        double t = s.epoch(); // drawn at its 1-based epoch; Eq. 12's t is epoch - 1, lambda is constant within it
                        lam |= t != currentT.get() || s.lambda() != currentLambda.get();
                        currentT.set(t);
                        currentLambda.set(s.lambda());
                    }
                }
            } else if (e instanceof TrainingEvent.EpochCompleted ep) {
                accM.add(ep.epoch(), ep.valAccuracy(), false);
                double[] ma = ep.valModalityAccuracy();
                for (int m = 0; ma != null && m < ma.length && m < modalities.size(); m++) {
                    if (!Double.isNaN(ma[m])) accByModality.get(modalities.get(m)).add(ep.epoch(), ma[m], false);
                }
                if (ep.best()) {
                    best.clear();
                    best.add(ep.epoch(), ep.valAccuracy(), false);
                }
                acc = true;
                epochsCompleted.set(ep.epoch());
                epochClipsPerSecond.add(ep.clipsPerSecond());
                message.set(String.format(Locale.ROOT, "epoch %d/%d: val Acc_m %.3f%s", ep.epoch(), ep.epochs(), ep.valAccuracy(), ep.best() ? " (best so far)" : ""));
                addControl(ep.epoch(), ep.control());
            } else if (e instanceof TrainingEvent.Finished f) {
                runDir.set(f.runDir());
                progress.set(1);
                eta.set(0);
                Results r = f.results();
                StringBuilder accs = new StringBuilder(String.format(Locale.ROOT, "completed: test Acc_m %.3f", r.accMultimodal()));
                for (String m : r.modalities()) accs.append(String.format(Locale.ROOT, ", Acc_%s %.3f", m, r.accuracy(m)));
                message.set(accs + "  (" + f.runDir().getFileName() + ")");
                if (r.device() != null) device.set(r.device());
            } else if (e instanceof TrainingEvent.Failed f) {
                runDir.set(f.runDir());
                message.set((f.diverged() ? "diverged: " : "failed: ") + f.reason());
            } else if (e instanceof TrainingEvent.Cancelled c) {
                runDir.set(c.runDir());
                message.set("cancelled after " + c.completedEpochs() + " completed epochs (" + c.runDir().getFileName() + ")");
            }
        }
        if (losses) lossFeed.markDirty();
        if (lam) lambdaFeed.markDirty();
        if (acc) accuracyFeed.markDirty();
    }

    /**
     * Adds an epoch's control signals (its {@code ctrl_*} values) to their series; a signal's series is
     * shown from its first finite value, in the columns' order. Methods with a lambda(t) schedule have
     * none to draw.
     */
    private void addControl(int epoch, Map<String, Double> control) {
        if (control.isEmpty() || capabilities.get().lambdaSchedule()) return;
        boolean newSeries = false, added = false;
        for (Map.Entry<String, Double> c : control.entrySet()) { // EpochCompleted.control: the method's ctrl_* values
            XYSeries s = controlByName.computeIfAbsent(c.getKey(), k -> {
                XYSeries x = new XYSeries(k, false, true);
                x.setNotify(false);
                return x;
            });
            Double v = c.getValue();
            if (v == null || !Double.isFinite(v)) continue;
            newSeries |= s.getItemCount() == 0;
            s.add(epoch, v, false);
            added = true;
        }
        if (newSeries) {
            controlData.removeAllSeries();
            List<String> names = new ArrayList<>();
            for (XYSeries s : controlByName.values()) {
                if (s.getItemCount() == 0) continue;
                controlData.addSeries(s);
                names.add(s.getKey().toString());
            }
            if (!names.equals(controlNames)) controlNames.setAll(names);
        }
        if (added) controlFeed.markDirty();
    }

    /** A baseline's control signals per epoch ({@code ctrl_*} of metrics.csv), one series each; empty for methods without. */
    public XYSeriesCollection controlData() {
        return controlData;
    }

    /** The names of the control signals drawn ({@code ctrl_<signal>_<modality>}). */
    public javafx.collections.ObservableList<String> controlNames() {
        return controlNames;
    }

    /** The control chart's feed (dirty when an epoch brought control values). */
    public DisplayFeed controlFeed() {
        return controlFeed;
    }

    /** Brings every chart dataset up to date now (tests, exports; the GUI lets its refresher do it). */
    public void syncDisplays() {
        for (DisplayFeed f : List.of(lossFeed, lambdaFeed, accuracyFeed, budgetFeed, controlFeed)) f.syncIfDirty();
    }

    /** The loss chart's feed (dirty when steps arrived or the smoothing changed). */
    public DisplayFeed lossFeed() {
        return lossFeed;
    }

    private static XYSeries budgetSeries(Map<String, XYSeries> byModality, XYSeriesCollection data, String name, String modality) {
        return byModality.computeIfAbsent(modality, m -> {
            XYSeries s = new XYSeries(name, false, true);
            s.setNotify(false);
            data.addSeries(s);
            return s;
        });
    }

    /** The budget chart's feed (dirty when a budget model ended an epoch). */
    public DisplayFeed budgetFeed() {
        return budgetFeed;
    }

    /** The budget models' training loss per epoch, one series per modality. */
    public XYSeriesCollection budgetLossData() {
        return budgetLossData;
    }

    /** The budget models' validation accuracy per epoch, one series per modality. */
    public XYSeriesCollection budgetAccuracyData() {
        return budgetAccData;
    }

    /** The selected (best on validation) epoch's Acc_m as one point. */
    public XYSeriesCollection bestEpochData() {
        return bestData;
    }

    /** What the run's method has (from the configuration, then from the run itself). */
    public ReadOnlyObjectProperty<Capabilities> capabilitiesProperty() {
        return capabilities.getReadOnlyProperty();
    }

    /** The run's method.name. */
    public ReadOnlyStringProperty methodNameProperty() {
        return methodName.getReadOnlyProperty();
    }

    /** The lambda chart's feed (dirty when the current point moved or a run started). */
    public DisplayFeed lambdaFeed() {
        return lambdaFeed;
    }

    /** The accuracy chart's feed (dirty when an epoch ended). */
    public DisplayFeed accuracyFeed() {
        return accuracyFeed;
    }

    /**
     * Writes every loss point of the run (not only the ones drawn) as CSV:
     * {@code curve,step,raw,smoothed}, with the current smoothing weight.
     */
    public void exportLosses(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (LossSeries s : List.of(total, lossI, lossII)) {
            String name = s.smooth.getKey().toString();
            PointSeries raw = s.rawPoints();
            PointSeries sm = s.smoothPoints();
            for (int i = 0; i < raw.size(); i++) rows.add(new String[] {name, num(raw.x(i)), num(raw.y(i)), num(sm.y(i))});
        }
        new CsvFile(List.of("curve", "step", "raw", "smoothed"), rows).write(file);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private void ended(RunOutcome o) {
        pumpNow();
        status.set(switch (o.state()) {
            case COMPLETED -> RunStatus.COMPLETED;
            case CANCELLED -> RunStatus.CANCELLED;
            case DIVERGED -> RunStatus.DIVERGED;
            default -> RunStatus.FAILED;
        });
        if (o.runDir() != null) runDir.set(o.runDir());
        if (o.state() != RunState.COMPLETED && o.reason() != null) {
            message.set(o.state().label() + ": " + o.reason());
        }
        for (Consumer<Path> l : runEndListeners) l.accept(o.runDir());
    }

    private void failed(Throwable t) {
        pumpNow();
        status.set(RunStatus.FAILED);
        message.set(t instanceof ConfigException ce ? "configuration refused: " + ce.getMessage().replace('\n', ';')
                : "failed: " + BackgroundJob.describe(t));
        for (Consumer<Path> l : runEndListeners) l.accept(runDir.get());
    }

    /** The Fig. 3 figures of the run. */
    public BudgetViewModel budget() {
        return budget;
    }

    /** The run's state. */
    public ReadOnlyObjectProperty<RunStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The current phase (null before the first). */
    public ReadOnlyObjectProperty<TrainingPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What is happening, or how the run ended and why. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Phase, epoch and batch of the last step. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The device: configured before the run, resolved once training starts. */
    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** Fraction of the whole run's training work done (budget models and epochs, see {@link RunProgress}). */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Training throughput over the epoch so far. */
    public DoubleProperty clipsPerSecondProperty() {
        return clipsPerSecond;
    }

    /** Seconds since the run started. */
    public DoubleProperty elapsedProperty() {
        return elapsed;
    }

    /** Estimated seconds to the end of the training (the whole run, see {@link RunProgress}). */
    public DoubleProperty etaProperty() {
        return eta;
    }

    /** lambda of the last step (NaN without a schedule). */
    public DoubleProperty currentLambdaProperty() {
        return currentLambda;
    }

    /** The epoch (from 1) of the last step, where the lambda marker is drawn; Eq. 12's t is this minus 1. */
    public DoubleProperty currentTProperty() {
        return currentT;
    }

    /** The smoothing weight w of the loss curves, in [0, 1). */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    /** Whether the loss axis is logarithmic. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The run folder (known once the run ends). */
    public ObjectProperty<Path> runDirProperty() {
        return runDir;
    }

    /** Epochs completed so far. */
    public IntegerProperty epochsCompletedProperty() {
        return epochsCompleted;
    }

    /** Throughput of each completed epoch (for the benchmark). */
    public List<Double> epochClipsPerSecond() {
        return epochClipsPerSecond;
    }

    /** Loss curves: smoothed total, L_I, L_II, then the raw ones in the same order. */
    public XYSeriesCollection lossData() {
        return lossData;
    }

    /** The schedule lambda(t) over [0, T] and the current point. */
    public XYSeriesCollection lambdaData() {
        return lambdaData;
    }

    /** Validation Acc_m, Acc_a, Acc_v per epoch. */
    public XYSeriesCollection accuracyData() {
        return accData;
    }

    /** Number of points of the total-loss curve (all kept; at most {@value LossSeries#MAX_SHOWN} are drawn). */
    public int lossPoints() {
        return total.size();
    }

    /** Number of points of the total-loss curve in the chart's dataset now (bounded; after the last sync). */
    public int lossPointsShown() {
        return total.raw.getItemCount();
    }
}
