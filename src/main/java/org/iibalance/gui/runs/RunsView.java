package org.iibalance.gui.runs;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iibalance.gui.util.ChartPane;
import org.iibalance.gui.util.TablePane;
import org.iibalance.report.Charts;
import org.iibalance.run.RunSummary;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;

/**
 * The runs table: every run folder, live; selecting runs overlays their curves; "Open" shows a run's
 * Fig. 3 and gating, "Re-run" loads its configuration into the set-up pane.
 */
public final class RunsView extends VBox {
    private final TableView<RunSummary> table = new TableView<>();
    private int fixedColumns;

    /**
     * The pane over {@code vm}; {@code open} and {@code rerun} receive the chosen run.
     */
    public RunsView(RunsViewModel vm, Consumer<RunSummary> open, Consumer<RunSummary> rerun, Consumer<String> report) {
        setId("runsView");
        setPadding(new Insets(6));
        setSpacing(6);
        table.setId("runsTable");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<RunSummary, String> runCol = col("run", vm::displayName);
        // sweep trials are "sweep-<stamp>/<trial>": the column fits the longest name (TableColumns), and the whole name is a tooltip
        runCol.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
                setTooltip(empty || s == null ? null : new javafx.scene.control.Tooltip(s));
            }
        });
        table.getColumns().add(runCol);
        table.getColumns().add(col("state", r -> r.state().state().label()));
        table.getColumns().add(col("scheduler", r -> vm.schedulerStates().getOrDefault(r.dir(), ""))); // runs submitted to Slurm
        vm.schedulerStates().addListener((javafx.collections.MapChangeListener<java.nio.file.Path, String>) c -> table.refresh());
        table.getColumns().add(col("method", r -> r.config().method().name()));
        table.getColumns().add(col("dataset", r -> r.config().dataset().kind()));
        table.getColumns().add(col("seed", r -> r.config().seed()));
        table.getColumns().add(col("tau", r -> r.config().method().tau()));
        table.getColumns().add(col("gamma", r -> r.config().method().gamma()));
        table.getColumns().add(col("lambdaStart", r -> r.config().method().lambdaStart()));
        table.getColumns().add(col("epochs", r -> r.config().training().epochs()));
        table.getColumns().add(col("Acc_m", r -> r.results() == null ? "" : num(r.results().accMultimodal())));
        fixedColumns = table.getColumns().size();
        table.getColumns().add(col("val Acc_m", r -> r.results() == null ? "" : num(r.results().valAccuracy())));
        rebuildModalityColumns(vm);
        vm.modalities().addListener((ListChangeListener<String>) c -> rebuildModalityColumns(vm));
        org.iibalance.gui.util.TableColumns.fitToContent(table); // run names, datasets and headers whole
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) c -> vm.overlay(java.util.List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button openB = new Button("Open (Fig. 3, gating)");
        openB.setId("openRun");
        openB.setOnAction(e -> {
            RunSummary r = table.getSelectionModel().getSelectedItem();
            if (r != null) open.accept(r);
        });
        Button rerunB = new Button("Re-run with its config");
        rerunB.setId("rerunRun");
        rerunB.setOnAction(e -> {
            RunSummary r = table.getSelectionModel().getSelectedItem();
            if (r != null) rerun.accept(r);
        });
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        JFreeChart loss = ChartFactory.createXYLineChart("Training loss of the selected runs (every logged step)", "epoch", "loss", vm.lossOverlay(),
                PlotOrientation.VERTICAL, true, true, false);
        ((org.jfree.chart.axis.NumberAxis) loss.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        Charts.style(loss);
        JFreeChart acc = ChartFactory.createXYLineChart("Validation Acc_m of the selected runs", "epoch", "Acc_m", vm.accOverlay(), PlotOrientation.VERTICAL,
                true, true, false);
        // one point per epoch: marked, so that a short run's few epochs read as measurements, not a polyline
        acc.getXYPlot().setRenderer(new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true));
        // epochs are whole numbers: no ticks at 1.2, 1.4
        ((org.jfree.chart.axis.NumberAxis) acc.getXYPlot().getDomainAxis()).setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        ((org.jfree.chart.axis.NumberAxis) loss.getXYPlot().getDomainAxis()).setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        Charts.style(acc);
        ChartPane lp = new ChartPane("runsLossChart", loss, report);
        ChartPane ap = new ChartPane("runsAccChart", acc, report);
        HBox charts = new HBox(6, lp, ap);
        HBox.setHgrow(lp, Priority.ALWAYS);
        HBox.setHgrow(ap, Priority.ALWAYS);
        lp.setPrefWidth(500);
        ap.setPrefWidth(500);
        table.setPrefHeight(260);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, openB, rerunB, refresh, TablePane.csvButton("runs", table, report), status), table, charts);
    }

    /** One test-accuracy column per modality of the runs (any number, in the runs' order), after Acc_m. */
    private void rebuildModalityColumns(RunsViewModel vm) {
        table.getColumns().removeIf(c -> c.getUserData() instanceof String);
        int at = fixedColumns;
        for (String m : vm.modalities()) {
            TableColumn<RunSummary, String> c = col("Acc_" + m, r -> r.results() == null ? "" : num(r.results().accuracy(m)));
            c.setUserData(m);
            table.getColumns().add(at++, c);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format("%.4f", v);
    }

    private static <T> TableColumn<RunSummary, T> col(String name, Function<RunSummary, T> f) {
        TableColumn<RunSummary, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    /** The table. */
    public TableView<RunSummary> table() {
        return table;
    }
}
