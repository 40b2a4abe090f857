package org.iibalance.gui.robustness;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iibalance.gui.util.ChartPane;
import org.iibalance.gui.util.ChartRefresher;
import org.iibalance.gui.util.DisplayFeed;
import org.iibalance.report.RobustnessFigures;
import org.iibalance.run.RobustnessTable;
import org.iibalance.run.RunSummary;
import org.iibalance.gui.util.WrappedLabel;

/**
 * The Robustness tab: completed runs and corruptions on the left, Run / Cancel, and on the right
 * test Acc_m against the severity of one corruption (one line per method, mean +- std over seeds)
 * and a method's mean fusion weights against it, both redrawn as rows arrive: through the window's
 * {@link ChartRefresher} (once per refresh however many rows came, and only while the tab is shown).
 */
public final class RobustnessView extends SplitPane {
    private final RobustnessViewModel vm;
    private final ComboBox<String> corruption = new ComboBox<>();
    private final ComboBox<String> weightsMethod = new ComboBox<>();
    private final ChartPane accuracy;
    private final ChartPane weights;
    /** Dirty when the table or a picker changed; the refresher then redraws both charts once. */
    private final DisplayFeed feed = new DisplayFeed(this::refresh);
    /** Set while {@link #refresh} sets the pickers, whose actions then ask for no other redraw. */
    private boolean settingPickers;

    /** The tab over {@code vm}; its charts are redrawn through {@code refresher}; {@code report} takes messages for the status bar. */
    public RobustnessView(RobustnessViewModel vm, ChartRefresher refresher, Consumer<String> report) {
        this.vm = vm;
        setId("robustnessView");
        ListView<RunSummary> runs = new ListView<>(vm.runs());
        runs.setId("robustnessRuns");
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RunSummary r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.dir().getFileName() + "  (" + (r.results() == null ? "?" : r.results().method()) + ", seed "
                        + (r.results() == null ? "?" : r.results().seed()) + ")");
            }
        });
        runs.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) c -> vm.chosenRuns().setAll(runs.getSelectionModel().getSelectedItems()));
        runs.setPrefHeight(160);
        ListView<RobustnessViewModel.Choice> specs = new ListView<>(vm.corruptions());
        specs.setId("robustnessCorruptions");
        specs.setCellFactory(CheckBoxListCell.forListView(RobustnessViewModel.Choice::chosen));
        TextField extra = new TextField();
        extra.setId("robustnessExtraSpecs");
        extra.setPromptText("more specs, e.g. visual-occlude:size=0.9, audio-noise:snr=-30");
        extra.textProperty().bindBidirectional(vm.extraSpecsProperty());
        TextField out = new TextField();
        out.setId("robustnessOut");
        out.setText(vm.outProperty().get() == null ? "" : vm.outProperty().get().toString());
        vm.outProperty().addListener((o, a, b) -> out.setText(b == null ? "" : b.toString()));
        out.textProperty().addListener((o, a, b) -> {
            if (!b.isBlank()) vm.outProperty().set(Path.of(b.trim()));
        });
        Spinner<Integer> parallel = new Spinner<>(1, Math.max(1, Runtime.getRuntime().availableProcessors()), 1);
        parallel.setId("robustnessParallel");
        parallel.valueProperty().addListener((o, a, b) -> vm.parallelProperty().set(b));
        parallel.setPrefWidth(70);
        Button run = new Button("\u25b6 Run robustness");
        run.setId("robustnessRun");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.start());
        Button cancel = new Button("\u25a0 Cancel");
        cancel.setId("robustnessCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Label progress = new Label();
        progress.setId("robustnessProgress");
        progress.setWrapText(true);
        progress.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // never squeezed to "12 rows in ..." by the list above
        progress.textProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("robustnessStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        status.textProperty().addListener((o, a, b) -> {
            if (!vm.runningProperty().get() && b != null && !b.isEmpty()) report.accept(b);
        });
        VBox left = new VBox(6, WrappedLabel.of("completed runs (Ctrl/Shift-click for several)"), runs, WrappedLabel.of("corruptions and severities (clean is always added)"),
                specs, extra, WrappedLabel.of("output folder (as robustness --out)"), out, new HBox(6, new Label("runs at once"), parallel), new HBox(6, run, cancel),
                progress, status);
        VBox.setVgrow(specs, Priority.ALWAYS);
        left.setPadding(new Insets(6));

        corruption.setId("robustnessCorruption");
        weightsMethod.setId("robustnessWeightsMethod");
        accuracy = new ChartPane("robustnessAccuracy", RobustnessFigures.accuracy(vm.tableProperty().get(), "audio-noise", "snr"), report);
        weights = new ChartPane("robustnessWeights", RobustnessFigures.weights(vm.tableProperty().get(), "iibalance", "audio-noise", "snr"), report);
        corruption.setOnAction(e -> pickerMoved());
        weightsMethod.setOnAction(e -> pickerMoved());
        vm.tableProperty().addListener((o, a, b) -> feed.markDirty());
        VBox right = new VBox(6, new HBox(6, new Label("corruption"), corruption, new Label("weights of"), weightsMethod), accuracy, weights);
        VBox.setVgrow(accuracy, Priority.ALWAYS);
        VBox.setVgrow(weights, Priority.ALWAYS);
        right.setPadding(new Insets(6));
        getItems().addAll(left, right);
        setDividerPositions(0.34);
        refresher.add(this, feed, null);
        feed.markDirty();
    }

    /** A user's pick of corruption or method: redrawn by the next refresh. */
    private void pickerMoved() {
        if (!settingPickers) feed.markDirty();
    }

    /** Updates the pickers from the table, then builds the two charts, once each. */
    private void refresh() {
        settingPickers = true;
        String c, m;
        try {
            List<String> cs = vm.severityCorruptions();
            String keep = corruption.getValue();
            if (!cs.equals(corruption.getItems())) corruption.getItems().setAll(cs);
            c = keep != null && cs.contains(keep) ? keep : cs.isEmpty() ? null : cs.contains("audio-noise") ? "audio-noise" : cs.get(0);
            if (!java.util.Objects.equals(c, corruption.getValue())) corruption.setValue(c);
            if (c == null) c = "audio-noise";
            List<String> ms = vm.methodsWithWeights(c);
            String keepMethod = weightsMethod.getValue();
            if (!ms.equals(weightsMethod.getItems())) weightsMethod.getItems().setAll(ms);
            m = keepMethod != null && ms.contains(keepMethod) ? keepMethod : ms.contains("iibalance") ? "iibalance" : ms.isEmpty() ? null : ms.get(0);
            if (m != null && !m.equals(weightsMethod.getValue())) weightsMethod.setValue(m);
        } finally {
            settingPickers = false;
        }
        String p = vm.parameterOf(c);
        RobustnessTable t = vm.tableProperty().get();
        accuracy.setChart(RobustnessFigures.accuracy(t, c, p.isEmpty() ? "severity" : p));
        weights.setChart(RobustnessFigures.weights(t, m == null ? "iibalance" : m, c, p.isEmpty() ? "severity" : p));
    }

    /** The accuracy chart. */
    public ChartPane accuracyPane() {
        return accuracy;
    }

    /** The weights chart. */
    public ChartPane weightsPane() {
        return weights;
    }

    /** A caption that wraps in a narrow column instead of being cut. */
}
