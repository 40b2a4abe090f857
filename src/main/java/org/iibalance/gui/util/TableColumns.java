package org.iibalance.gui.util;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Column widths that show every header and cell whole ("000-method.tau=0.05..." and "synthetic-av"
 * instead of "000-met..." and "syntheti..."): each column is as wide as its widest text, measured in
 * the table's font, and re-measured when the rows or the columns change. A table wider than its pane
 * scrolls sideways; nothing is ellipsised.
 */
public final class TableColumns {
    /** Rows measured at most (a column's widest text is found among the first of them). */
    static final int MAX_ROWS_MEASURED = 5000;
    /** Room for a cell's padding and the table's grid line. */
    public static final double CELL_PADDING = 16;
    /** Room for a header's padding and its sort arrow. */
    static final double HEADER_PADDING = 28;

    private TableColumns() {}

    /**
     * Sizes {@code table}'s columns to their content now and whenever rows are added or its rows or
     * columns are replaced; the changes of one pulse (a filter that re-adds every row, columns added
     * one by one) are measured once, after them.
     */
    public static <S> void fitToContent(TableView<S> table) {
        Runnable refitSoon = OncePerPulse.of(() -> fit(table));
        // rows removed or re-sorted never widen a column: refit only when rows arrive
        ListChangeListener<Object> refit = c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    refitSoon.run();
                    return;
                }
            }
        };
        table.getItems().addListener(refit);
        table.itemsProperty().addListener((o, was, now) -> {
            if (was != null) was.removeListener(refit);
            if (now != null) now.addListener(refit);
            refitSoon.run();
        });
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> refitSoon.run());
        fit(table);
    }

    /** Sizes {@code table}'s columns to their widest header or cell text now. */
    public static <S> void fit(TableView<S> table) {
        Font cellFont = Font.getDefault();
        Font headerFont = Font.font(cellFont.getFamily(), FontWeight.BOLD, cellFont.getSize());
        ObservableList<S> items = table.getItems();
        int rows = items == null ? 0 : Math.min(items.size(), MAX_ROWS_MEASURED);
        Text measure = new Text();
        for (TableColumn<S, ?> col : table.getColumns()) {
            double header = Math.ceil(width(measure, col.getText(), headerFont) + HEADER_PADDING);
            double w = header;
            for (int i = 0; i < rows; i++) {
                ObservableValue<?> v = col.getCellObservableValue(items.get(i));
                Object value = v == null ? null : v.getValue();
                if (value != null) w = Math.max(w, width(measure, value.toString(), cellFont) + CELL_PADDING);
            }
            col.setMinWidth(header); // never narrower than its header
            col.setPrefWidth(Math.ceil(w));
        }
    }

    /** The width of {@code s} in a table cell's (the default) font, in pixels. */
    public static double textWidth(String s) {
        return width(s, Font.getDefault());
    }

    /** The width of {@code s} in {@code font}, in pixels. */
    static double width(String s, Font font) {
        return width(new Text(), s, font);
    }

    /** The width of {@code s} in {@code font}, measured with {@code t} (one node reused over a whole table). */
    private static double width(Text t, String s, Font font) {
        if (s == null || s.isEmpty()) return 0;
        t.setText(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
