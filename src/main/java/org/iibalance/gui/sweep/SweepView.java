package org.iibalance.gui.sweep;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iibalance.gui.util.ChartPane;
import org.iibalance.gui.util.ChartRefresher;
import org.iibalance.gui.util.DisplayFeed;
import org.iibalance.gui.util.TablePane;

/** The Fig. 4 pane: grid, seeds and parallelism; the trials table; Acc_m against each axis. */
public final class SweepView extends VBox {
    private final TableView<SweepRow> table = new TableView<>();
    private final ChartPane chart1;
    private final ChartPane chart2;

    /** The pane over {@code vm}; its charts are redrawn through {@code refresher} (only while shown). */
    public SweepView(SweepViewModel vm, ChartRefresher refresher, Consumer<String> report) {
        setId("sweepView");
        setPadding(new Insets(6));
        setSpacing(6);
        TextField k1 = field("axis1Key", vm.axis1KeyProperty());
        TextField v1 = field("axis1Values", vm.axis1ValuesProperty());
        TextField k2 = field("axis2Key", vm.axis2KeyProperty());
        TextField v2 = field("axis2Values", vm.axis2ValuesProperty());
        TextField seeds = field("sweepSeeds", vm.seedsProperty());
        Spinner<Integer> par = new Spinner<>(1, 8, vm.parallelismProperty().get());
        par.setId("sweepParallelism");
        par.valueProperty().addListener((o, a, b) -> vm.parallelismProperty().set(b));
        Button run = new Button("Run sweep");
        run.setId("sweepStart");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.start());
        Button stop = new Button("Cancel sweep");
        stop.setId("sweepCancel");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.cancel());
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("axis 1 key"), k1, new Label("values"), v1);
        g.addRow(1, new Label("axis 2 key"), k2, new Label("values"), v2);
        g.addRow(2, new Label("seeds"), seeds, new Label("parallel trials"), par);
        // on a cluster: the same settings as `sweep --executor slurm` (README "On a cluster")
        javafx.scene.control.CheckBox slurm = new javafx.scene.control.CheckBox("on Slurm");
        slurm.setId("sweepOnSlurm");
        slurm.selectedProperty().bindBidirectional(vm.onSlurmProperty());
        TextField slurmFile = field("slurmConfig", vm.slurmConfigProperty());
        slurmFile.setPromptText("settings YAML (optional)");
        TextField partition = field("slurmPartition", vm.partitionProperty());
        partition.setPromptText("partition");
        TextField mem = field("slurmMemory", vm.memoryProperty());
        mem.setPromptText("memory, e.g. 4G");
        TextField time = field("slurmTime", vm.timeProperty());
        time.setPromptText("time, e.g. 02:00:00");
        for (TextField f : java.util.List.of(slurmFile, partition, mem, time)) f.disableProperty().bind(slurm.selectedProperty().not());
        g.addRow(3, slurm, slurmFile, partition, new HBox(6, mem, time));
        Label status = new Label();
        status.setId("sweepStatus");
        status.textProperty().bind(vm.statusProperty());
        table.setId("sweepTable");
        table.setItems(vm.rows());
        table.getColumns().add(col("#", r -> r.index()));
        table.getColumns().add(col("trial", r -> r.name()));
        table.getColumns().add(col("seed", r -> r.seed()));
        table.getColumns().add(col("state", r -> r.state()));
        table.getColumns().add(col("val Acc_m", r -> num(r.valAccM())));
        table.getColumns().add(col("test Acc_m", r -> num(r.testAccM())));
        table.getColumns().add(col("best (by val)", r -> r.best() ? "\u2605" : ""));
        table.setPrefHeight(220);
        org.iibalance.gui.util.TableColumns.fitToContent(table); // trial names ("000-method.tau=0.05-...") and headers whole
        chart1 = new ChartPane("sweepChart1", vm.chart(0), report);
        chart2 = new ChartPane("sweepChart2", vm.chart(1), report);
        DisplayFeed feed = new DisplayFeed(() -> {
            chart1.setChart(vm.chart(0));
            chart2.setChart(vm.chart(1));
        });
        vm.versionProperty().addListener(o -> feed.markDirty());
        refresher.add(this, feed, null);
        Label how = new Label("Each point: test Acc_m for one value of the key, mean \u00b1 std over seeds and the other axis' values; "
                + "the best trial is chosen by validation Acc_m (val.accMultimodal), never by test.");
        how.setWrapText(true);
        HBox charts = new HBox(6, chart1, chart2);
        HBox.setHgrow(chart1, Priority.ALWAYS);
        HBox.setHgrow(chart2, Priority.ALWAYS);
        chart1.setPrefWidth(500);
        chart2.setPrefWidth(500);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(g, new HBox(6, run, stop, TablePane.csvButton("sweep", table, report), status), table, how, charts);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format("%.4f", v);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static <T> TableColumn<SweepRow, T> col(String name, Function<SweepRow, T> f) {
        TableColumn<SweepRow, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    /** The trials table. */
    public TableView<SweepRow> table() {
        return table;
    }

    /** The chart of the first axis. */
    public ChartPane chart1() {
        return chart1;
    }
}
