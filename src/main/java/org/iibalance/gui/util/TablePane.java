package org.iibalance.gui.util;

import java.io.File;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;

/** A "CSV..." button exporting a table through {@link Exports#table}. */
public final class TablePane {
    private TablePane() {}

    /** A button that saves {@code table} as CSV. */
    public static Button csvButton(String id, TableView<?> table, Consumer<String> report) {
        Button b = new Button("CSV...");
        b.setId(id + "Csv");
        b.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(id + ".csv");
            File f = fc.showSaveDialog(table.getScene() == null ? null : table.getScene().getWindow());
            if (f == null) return;
            try {
                Exports.table(table, f.toPath());
                report.accept("saved " + f);
            } catch (Exception ex) {
                report.accept("cannot save " + f + ": " + ex.getMessage());
            }
        });
        return b;
    }
}
