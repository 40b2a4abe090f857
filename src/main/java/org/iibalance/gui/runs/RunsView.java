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
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;

/**
 * The runs table: every run folder, live; selecting runs overlays their curves; "Open" shows a run's
 * Fig. 3 and gating, "Re-run" loads its configuration into the set-up pane.
 */
public final class RunsView extends VBox {
    private final TableView<RunRow> table = new TableView<>();

    /**
     * The pane over {@code vm}; {@code open} and {@code rerun} receive the chosen run.
     */
    public RunsView(RunsViewModel vm, Consumer<RunRow> open, Consumer<RunRow> rerun, Consumer<String> report) {
        setId("runsView");
        setPadding(new Insets(6));
        setSpacing(6);
        table.setId("runsTable");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(col("run", r -> r.name()));
        table.getColumns().add(col("state", r -> r.state()));
        table.getColumns().add(col("scheduler", r -> vm.schedulerStates().getOrDefault(r.dir(), ""))); // runs submitted to Slurm
        vm.schedulerStates().addListener((javafx.collections.MapChangeListener<java.nio.file.Path, String>) c -> table.refresh());
        table.getColumns().add(col("method", r -> r.method()));
        table.getColumns().add(col("dataset", r -> r.dataset()));
        table.getColumns().add(col("seed", r -> r.seed()));
        table.getColumns().add(col("tau", r -> r.tau()));
        table.getColumns().add(col("gamma", r -> r.gamma()));
        table.getColumns().add(col("lambdaStart", r -> r.lambdaStart()));
        table.getColumns().add(col("epochs", r -> r.epochs()));
        table.getColumns().add(col("Acc_m", r -> num(r.accM())));
        table.getColumns().add(col("Acc_a", r -> num(r.accA())));
        table.getColumns().add(col("Acc_v", r -> num(r.accV())));
        table.getColumns().add(col("val Acc_m", r -> num(r.valAccM())));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c -> vm.overlay(java.util.List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button openB = new Button("Open (Fig. 3, gating)");
        openB.setId("openRun");
        openB.setOnAction(e -> {
            RunRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) open.accept(r);
        });
        Button rerunB = new Button("Re-run with its config");
        rerunB.setId("rerunRun");
        rerunB.setOnAction(e -> {
            RunRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) rerun.accept(r);
        });
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        JFreeChart loss = ChartFactory.createXYLineChart("Training loss of the selected runs", "step", "loss", vm.lossOverlay(), PlotOrientation.VERTICAL,
                true, true, false);
        Charts.style(loss);
        JFreeChart acc = ChartFactory.createXYLineChart("Validation Acc_m of the selected runs", "epoch", "Acc_m", vm.accOverlay(), PlotOrientation.VERTICAL,
                true, true, false);
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

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format("%.4f", v);
    }

    private static <T> TableColumn<RunRow, T> col(String name, Function<RunRow, T> f) {
        TableColumn<RunRow, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    /** The table. */
    public TableView<RunRow> table() {
        return table;
    }
}
