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
    static final double CELL_PADDING = 16;
    /** Room for a header's padding and its sort arrow. */
    static final double HEADER_PADDING = 28;

    private TableColumns() {}

    /** Sizes {@code table}'s columns to their content now and whenever rows are added or its rows or columns are replaced. */
    public static <S> void fitToContent(TableView<S> table) {
        // rows removed or re-sorted never widen a column: refit only when rows arrive
        ListChangeListener<Object> refit = c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    fit(table);
                    return;
                }
            }
        };
        table.getItems().addListener(refit);
        table.itemsProperty().addListener((o, was, now) -> {
            if (was != null) was.removeListener(refit);
            if (now != null) now.addListener(refit);
            fit(table);
        });
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> fit(table));
        fit(table);
    }

    /** Sizes {@code table}'s columns to their widest header or cell text now. */
    public static <S> void fit(TableView<S> table) {
        Font cellFont = Font.getDefault();
        Font headerFont = Font.font(cellFont.getFamily(), FontWeight.BOLD, cellFont.getSize());
        ObservableList<S> items = table.getItems();
        int rows = items == null ? 0 : Math.min(items.size(), MAX_ROWS_MEASURED);
        for (TableColumn<S, ?> col : table.getColumns()) {
            double w = width(col.getText(), headerFont) + HEADER_PADDING;
            for (int i = 0; i < rows; i++) {
                ObservableValue<?> v = col.getCellObservableValue(items.get(i));
                Object value = v == null ? null : v.getValue();
                if (value != null) w = Math.max(w, width(value.toString(), cellFont) + CELL_PADDING);
            }
            double width = Math.ceil(w);
            col.setMinWidth(Math.min(width, Math.ceil(width(col.getText(), headerFont) + HEADER_PADDING)));
            col.setPrefWidth(width);
        }
    }

    /** The width of {@code s} in a table cell's (the default) font, in pixels. */
    public static double textWidth(String s) {
        return width(s, Font.getDefault());
    }

    /** The width of {@code s} in {@code font}, in pixels. */
    static double width(String s, Font font) {
        if (s == null || s.isEmpty()) return 0;
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
