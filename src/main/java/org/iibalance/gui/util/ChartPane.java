package org.iibalance.gui.util;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.general.DatasetChangeEvent;

/**
 * A JFreeChart in a {@link ChartViewer} with "PNG..." and "SVG..." export buttons. Errors go to
 * {@code report} (the status bar).
 */
public final class ChartPane extends BorderPane {
    private final ChartViewer viewer;

    /** A pane showing {@code chart}; {@code id} names it for tests and export file names. */
    public ChartPane(String id, JFreeChart chart, Consumer<String> report) {
        setId(id);
        viewer = new ChartViewer(chart);
        viewer.setId(id + "Viewer");
        viewer.setMinSize(200, 150);
        Button png = new Button("PNG...");
        Button svg = new Button("SVG...");
        png.setId(id + "Png");
        svg.setId(id + "Svg");
        png.setOnAction(e -> save(id, "png", report));
        svg.setOnAction(e -> save(id, "svg", report));
        HBox bar = new HBox(4, png, svg);
        bar.setPadding(new Insets(2));
        setCenter(viewer);
        setBottom(bar);
    }

    private void save(String id, String ext, Consumer<String> report) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(id + "." + ext);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(), "*." + ext));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        saveTo(f.toPath(), report);
    }

    /** Exports the chart shown now to {@code file} (PNG or SVG by extension) and reports it, as the buttons do after their dialog. */
    public void saveTo(Path file, Consumer<String> report) {
        try {
            Exports.chart(viewer.getChart(), file);
            report.accept("saved " + file);
        } catch (Exception ex) {
            report.accept("cannot save " + file + ": " + ex.getMessage());
        }
    }

    /** Exports the chart shown now (PNG or SVG by extension). */
    public void export(Path file) throws java.io.IOException {
        Exports.chart(viewer.getChart(), file);
    }

    /** The viewer. */
    public ChartViewer viewer() {
        return viewer;
    }

    /**
     * Redraws the chart once after its dataset was changed with notification off: the axes re-range
     * and the canvas repaints (one repaint however many points were added).
     */
    public void redraw() {
        JFreeChart chart = viewer.getChart();
        if (chart.getPlot() instanceof XYPlot xy) xy.datasetChanged(new DatasetChangeEvent(xy, xy.getDataset()));
        else chart.fireChartChanged();
    }

    /** Shows another chart. */
    public void setChart(JFreeChart chart) {
        viewer.setChart(chart);
    }
}
