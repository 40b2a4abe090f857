package org.iibalance.gui.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.function.Consumer;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iibalance.gui.util.ChartPane;
import org.iibalance.gui.util.ChartRefresher;
import org.iibalance.report.Charts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * The live training pane: loss curves (smoothed, raw faint behind) with the smoothing slider and a
 * log-y toggle; lambda(t) drawn whole with the current point; validation accuracies per epoch.
 */
public final class TrainingView extends VBox {
    private final ChartPane loss;
    private final ChartPane lambda;
    private final ChartPane accuracy;
    private final ChartPane budget;
    private final ChartPane control;

    /** The pane over {@code vm}; its charts redraw through {@code refresher} (only while shown). */
    public TrainingView(TrainingViewModel vm, ChartRefresher refresher, Consumer<String> report) {
        setId("trainingView");
        setPadding(new Insets(6));
        setSpacing(4);
        JFreeChart lossChart = ChartFactory.createXYLineChart("Training loss per step", "step", "loss", vm.lossData(), PlotOrientation.VERTICAL, true, true,
                false);
        XYPlot lp = lossChart.getXYPlot();
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        lr.setDrawSeriesLineAsPath(true); // one path per series: far cheaper than one line per segment
        Color[] colours = {Charts.PALETTE[0], Charts.PALETTE[1], Charts.PALETTE[2]};
        for (int s = 0; s < 3; s++) {
            lr.setSeriesPaint(s, colours[s]);
            lr.setSeriesStroke(s, new BasicStroke(2f));
            lr.setSeriesPaint(s + 3, new Color(colours[s].getRed(), colours[s].getGreen(), colours[s].getBlue(), 50));
            lr.setSeriesVisibleInLegend(s + 3, false);
        }
        lp.setRenderer(lr);
        Charts.style(lossChart);
        ((NumberAxis) lp.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) lp.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // steps are whole numbers
        loss = new ChartPane("lossChart", lossChart, report);

        JFreeChart lamChart = ChartFactory.createXYLineChart("\u03bb(t) = \u03bb_start (1 - t/T)  (Eq. 12)", "epoch (t = epoch - 1)", "\u03bb", vm.lambdaData(),
                PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r2 = new XYLineAndShapeRenderer();
        r2.setSeriesShapesVisible(0, false);
        r2.setSeriesPaint(0, Charts.PALETTE[1]);
        r2.setSeriesLinesVisible(1, false);
        r2.setSeriesShapesVisible(1, true);
        r2.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
        r2.setSeriesPaint(1, Charts.PALETTE[4]);
        lamChart.getXYPlot().setRenderer(r2);
        ((NumberAxis) lamChart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        Charts.style(lamChart);
        lambda = new ChartPane("lambdaChart", lamChart, report);

        JFreeChart accChart = ChartFactory.createXYLineChart("Validation accuracy per epoch", "epoch", "accuracy", vm.accuracyData(),
                PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r3 = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < Charts.PALETTE.length - 1; s++) r3.setSeriesPaint(s, Charts.PALETTE[s + 1]); // Acc_m, then one per modality
        accChart.getXYPlot().setRenderer(r3);
        // the selected epoch (best validation Acc_m: its checkpoint is the one tested), a ringed point
        XYPlot ap = accChart.getXYPlot();
        ap.setDataset(1, vm.bestEpochData());
        XYLineAndShapeRenderer rb = new XYLineAndShapeRenderer(false, true);
        rb.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-8, -8, 16, 16));
        rb.setSeriesShapesFilled(0, false);
        rb.setSeriesStroke(0, new BasicStroke(2.5f));
        rb.setSeriesPaint(0, Color.BLACK);
        rb.setUseOutlinePaint(false);
        ap.setRenderer(1, rb);
        ((NumberAxis) accChart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        Charts.style(accChart);
        accuracy = new ChartPane("accuracyChart", accChart, report);
        refresher.add(loss, vm.lossFeed(), loss::redraw);
        refresher.add(lambda, vm.lambdaFeed(), lambda::redraw);
        refresher.add(accuracy, vm.accuracyFeed(), accuracy::redraw);

        // the budget models (Eq. 1): loss (left axis) and validation accuracy (right axis) per epoch
        JFreeChart budgetChart = ChartFactory.createXYLineChart("Budget models (Eq. 1): loss and val accuracy", "budget epoch", "train loss",
                vm.budgetLossData(), PlotOrientation.VERTICAL, true, true, false);
        XYPlot bp = budgetChart.getXYPlot();
        XYLineAndShapeRenderer rl = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer ra = new XYLineAndShapeRenderer(true, true);
        for (int m = 0; m < Charts.PALETTE.length - 2; m++) {
            rl.setSeriesPaint(m, Charts.PALETTE[m + 2]);
            rl.setSeriesStroke(m, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f));
            ra.setSeriesPaint(m, Charts.PALETTE[m + 2]);
            ra.setSeriesStroke(m, new BasicStroke(2f));
        }
        bp.setRenderer(rl);
        NumberAxis accAxis = new NumberAxis("val accuracy");
        accAxis.setRange(0, 1);
        bp.setRangeAxis(1, accAxis);
        bp.setDataset(1, vm.budgetAccuracyData());
        bp.mapDatasetToRangeAxis(1, 1);
        bp.setRenderer(1, ra);
        ((NumberAxis) bp.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) bp.getRangeAxis()).setAutoRangeIncludesZero(false);
        Charts.style(budgetChart);
        budget = new ChartPane("budgetModelsChart", budgetChart, report);
        refresher.add(budget, vm.budgetFeed(), budget::redraw);

        // a baseline's own control signal (ctrl_* of metrics.csv, e.g. OGM-GE's k_m) where IIBalance has lambda(t)
        JFreeChart ctrlChart = ChartFactory.createXYLineChart("Control signal per epoch (metrics.csv ctrl_*)", "epoch", "value", vm.controlData(),
                PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer rctl = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < Charts.PALETTE.length - 1; s++) rctl.setSeriesPaint(s, Charts.PALETTE[s + 1]);
        ctrlChart.getXYPlot().setRenderer(rctl);
        ((NumberAxis) ctrlChart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) ctrlChart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        Charts.style(ctrlChart);
        control = new ChartPane("controlChart", ctrlChart, report);
        refresher.add(control, vm.controlFeed(), control::redraw);

        Slider smooth = new Slider(0, 0.99, vm.smoothingProperty().get());
        smooth.setId("smoothingSlider");
        smooth.valueProperty().bindBidirectional(vm.smoothingProperty());
        smooth.setPrefWidth(200);
        Label sv = new Label();
        sv.textProperty().bind(vm.smoothingProperty().asString("%.2f"));
        CheckBox logY = new CheckBox("log y");
        logY.setId("logYToggle");
        logY.selectedProperty().bindBidirectional(vm.logScaleProperty());
        vm.logScaleProperty().addListener((o, a, b) -> {
            if (b) {
                LogAxis axis = new LogAxis("loss (log)");
                axis.setSmallestValue(1e-4);
                axis.setBase(10);
                // label ticks with their values (0.5, 1, 2), not as powers ("10^0.624")
                axis.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
                lp.setRangeAxis(axis);
            } else {
                NumberAxis axis = new NumberAxis("loss");
                axis.setAutoRangeIncludesZero(false);
                lp.setRangeAxis(axis);
            }
        });
        Label lam = new Label();
        lam.setId("lambdaLabel");
        // the same numbering as the charts: epochs from 1; Eq. 12's t = epoch - 1
        lam.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> lambdaText(vm.currentTProperty().get(), vm.currentLambdaProperty().get()),
                vm.currentLambdaProperty(), vm.currentTProperty()));
        Label msg = new Label();
        msg.setId("trainingMessage");
        msg.textProperty().bind(vm.messageProperty());
        msg.setWrapText(true);
        Button csv = new Button("Loss CSV...");
        csv.setId("lossCsv");
        csv.setOnAction(e -> saveLosses(vm, report));
        HBox controls = new HBox(8, new Label("smoothing"), smooth, sv, logY, lam, csv);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // each method shows what it has (asked of its capabilities, not its name), else says why not
        Label lossWhy = explanation("lossExplanation");
        Label budgetWhy = explanation("budgetExplanation");
        Label lambdaWhy = explanation("lambdaExplanation");
        Runnable showCapabilities = () -> {
            org.iibalance.run.Capabilities c = vm.capabilitiesProperty().get();
            String m = vm.methodNameProperty().get();
            lossWhy.setText(c.stageLosses() ? "" : m + " has no Stage I / Stage II losses (Eq. 6, 11): its training loss is drawn as 'total'.");
            // the legend lists what the method logs: no empty L_I / L_II entries for a method without them
            for (int s = 1; s <= 2; s++) {
                lr.setSeriesVisibleInLegend(s, c.stageLosses());
                lr.setSeriesVisible(s, c.stageLosses());
                lr.setSeriesVisible(s + 3, c.stageLosses());
            }
            lossWhy.setVisible(!c.stageLosses());
            lossWhy.setManaged(!c.stageLosses());
            budget.setVisible(c.budgetPrior());
            budgetWhy.setText(m + " has no budget phase: it estimates no IIB prior (Eq. 1-2) before training.");
            budgetWhy.setVisible(!c.budgetPrior());
            lambda.setVisible(c.lambdaSchedule());
            boolean ctrl = !c.lambdaSchedule() && !vm.controlNames().isEmpty();
            control.setVisible(ctrl);
            control.setManaged(ctrl);
            lambdaWhy.setText(m + " has no \u03bb(t) schedule (Eq. 12): nothing weighs Stage I against Stage II"
                    + (ctrl ? ". Drawn instead: its own control signal per epoch."
                            : (vm.statusProperty().get().active() ? "; its control signal, if it logs one, is drawn after the first epoch." : ", and it logs no control signal.")));
            lambdaWhy.setVisible(!c.lambdaSchedule());
            lambdaWhy.setManaged(!c.lambdaSchedule());
        };
        vm.controlNames().addListener((javafx.collections.ListChangeListener<String>) ch -> showCapabilities.run());
        vm.statusProperty().addListener(o -> showCapabilities.run());
        vm.capabilitiesProperty().addListener(o -> showCapabilities.run());
        vm.methodNameProperty().addListener(o -> showCapabilities.run());
        showCapabilities.run();
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        grid.add(loss, 0, 0, 3, 1);
        grid.add(new javafx.scene.layout.StackPane(budget, budgetWhy), 0, 1);
        VBox controlSlot = new VBox(2, lambdaWhy, control);
        VBox.setVgrow(control, Priority.ALWAYS);
        controlSlot.setPickOnBounds(false);
        grid.add(new javafx.scene.layout.StackPane(lambda, controlSlot), 1, 1);
        grid.add(accuracy, 2, 1);
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setPercentWidth(100 / 3.0);
        grid.getColumnConstraints().addAll(c, c, c);
        javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
        rc.setPercentHeight(50);
        grid.getRowConstraints().addAll(rc, rc);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(controls, msg, lossWhy, grid);
    }

    /** The lambda read-out: "lambda(t=0) = 0.500 (epoch 1)", epochs counted from 1 as on the charts, t as in Eq. 12. */
    static String lambdaText(double epoch, double lambda) {
        if (Double.isNaN(lambda) || Double.isNaN(epoch)) return "\u03bb: -";
        return String.format(java.util.Locale.ROOT, "\u03bb(t=%d) = %.3f (epoch %d)", Math.round(epoch) - 1, lambda, Math.round(epoch));
    }

    private void saveLosses(TrainingViewModel vm, Consumer<String> report) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("losses.csv");
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        try {
            vm.exportLosses(f.toPath());
            report.accept("saved every loss point to " + f);
        } catch (Exception ex) {
            report.accept("cannot save " + f + ": " + ex.getMessage());
        }
    }

    private static Label explanation(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setStyle("-fx-text-fill: #555; -fx-padding: 8;");
        return l;
    }

    /** The budget models' chart pane (hidden for methods without a budget phase). */
    public ChartPane budgetModelsPane() {
        return budget;
    }

    /** The loss chart pane. */
    public ChartPane lossPane() {
        return loss;
    }

    /** The lambda chart pane. */
    public ChartPane lambdaPane() {
        return lambda;
    }

    /** The accuracy chart pane. */
    public ChartPane accuracyPane() {
        return accuracy;
    }
}
