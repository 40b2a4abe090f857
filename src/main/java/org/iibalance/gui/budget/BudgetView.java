package org.iibalance.gui.budget;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iibalance.gui.util.ChartPane;
import org.iibalance.gui.util.ChartRefresher;
import org.iibalance.gui.util.DisplayFeed;

/** The Fig. 3 pane: prior vs mean fusion weights per split, and the per-clip weight histogram. */
public final class BudgetView extends VBox {
    private final ChartPane bars;
    private final ChartPane histogram;

    /** The pane over {@code vm}; new figures are drawn through {@code refresher} (only while shown). */
    public BudgetView(BudgetViewModel vm, ChartRefresher refresher, Consumer<String> report) {
        setId("budgetView");
        setPadding(new Insets(6));
        bars = new ChartPane("budgetChart", vm.budgetChart(), report);
        histogram = new ChartPane("weightHistogram", vm.histogramChart(), report);
        Label summary = new Label();
        summary.setId("budgetSummary");
        summary.setStyle("-fx-font-family: monospace;");
        summary.textProperty().bind(vm.summaryProperty());
        DisplayFeed feed = new DisplayFeed(() -> {
            bars.setChart(vm.budgetChart());
            histogram.setChart(vm.histogramChart());
        });
        summary.setWrapText(true);
        vm.versionProperty().addListener(o -> {
            // methods without a prior or fusion weights: say why instead of empty charts
            bars.setVisible(vm.hasFigure());
            histogram.setVisible(vm.hasFigure());
        });
        vm.versionProperty().addListener(o -> feed.markDirty());
        refresher.add(this, feed, null);
        HBox charts = new HBox(6, bars, histogram);
        HBox.setHgrow(bars, Priority.ALWAYS);
        HBox.setHgrow(histogram, Priority.ALWAYS);
        bars.setPrefWidth(600);
        histogram.setPrefWidth(500);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(summary, charts);
    }

    /** The Fig. 3 chart pane. */
    public ChartPane barsPane() {
        return bars;
    }

    /** The histogram pane. */
    public ChartPane histogramPane() {
        return histogram;
    }
}
