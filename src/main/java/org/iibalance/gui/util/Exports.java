package org.iibalance.gui.util;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.iibalance.report.Charts;
import org.jfree.chart.JFreeChart;

/** Export of what the views show: charts as PNG and SVG (the report's exporters), tables as CSV. */
public final class Exports {
    /** Size of exported charts. */
    public static final int WIDTH = 900;
    /** Size of exported charts. */
    public static final int HEIGHT = 560;

    private Exports() {}

    /** Writes {@code chart} to {@code file}: SVG when the name ends in .svg, PNG otherwise. */
    public static void chart(JFreeChart chart, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase().endsWith(".svg")) Charts.exportSvg(chart, file, WIDTH, HEIGHT);
        else Charts.exportPng(chart, file, WIDTH, HEIGHT);
    }

    /** Writes the visible rows of a table (in its current sort order) as CSV, one column per leaf column. */
    public static <S> void table(TableView<S> table, Path file) throws IOException {
        List<TableColumn<S, ?>> cols = new ArrayList<>();
        for (TableColumn<S, ?> c : table.getVisibleLeafColumns()) cols.add(c);
        List<String> header = new ArrayList<>();
        for (TableColumn<S, ?> c : cols) header.add(c.getText());
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < table.getItems().size(); i++) rows.add(i);
        List<java.util.function.Function<Integer, String>> getters = new ArrayList<>();
        for (TableColumn<S, ?> c : cols) {
            getters.add(i -> {
                Object v = c.getCellData(i);
                return v == null ? "" : v.toString();
            });
        }
        Csv.write(file, header, rows, getters);
    }
}
