package org.iibalance.gui.gating;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iibalance.gui.util.ClipImages;
import org.iibalance.gui.util.TablePane;
import org.iibalance.run.GatingTable;
import org.iibalance.gui.util.WrappedLabel;

/** The gating inspector: filterable, sortable table of test clips; the selected clip's media and heads. */
public final class GatingView extends SplitPane {
    private final TableView<GatingTable.Row> table = new TableView<>();

    /** The pane over {@code vm}. */
    public GatingView(GatingViewModel vm, Consumer<String> report) {
        setId("gatingView");
        table.setId("gatingTable");
        SortedList<GatingTable.Row> sorted = new SortedList<>(vm.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        rebuildColumns(vm);
        org.iibalance.gui.util.TableColumns.fitToContent(table);
        vm.modalities().addListener((ListChangeListener<String>) c -> rebuildColumns(vm));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));

        CheckBox mis = new CheckBox("misclassified only");
        mis.setId("misclassifiedOnly");
        mis.selectedProperty().bindBidirectional(vm.misclassifiedOnlyProperty());
        ComboBox<String> cls = new ComboBox<>();
        cls.setId("classFilter");
        Runnable fillClasses = () -> {
            java.util.List<String> items = new java.util.ArrayList<>();
            items.add("all classes");
            items.addAll(vm.classNames());
            cls.getItems().setAll(items);
            cls.getSelectionModel().select(Math.max(0, vm.classFilterProperty().get() + 1));
        };
        vm.classNames().addListener((ListChangeListener<String>) c -> fillClasses.run());
        fillClasses.run();
        cls.setOnAction(e -> vm.classFilterProperty().set(Math.max(-1, cls.getSelectionModel().getSelectedIndex() - 1)));
        vm.classFilterProperty().addListener((o, a, b) -> {
            if (cls.getSelectionModel().getSelectedIndex() != b.intValue() + 1 && b.intValue() + 1 < cls.getItems().size()) cls.getSelectionModel().select(b.intValue() + 1);
        });
        cls.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        mis.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        Slider lo = new Slider(0, 1, 0);
        Slider hi = new Slider(0, 1, 1);
        lo.valueProperty().bindBidirectional(vm.minWeightProperty());
        hi.valueProperty().bindBidirectional(vm.maxWeightProperty());
        Label range = new Label();
        range.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> String.format("w(%s) in [%.2f, %.2f]",
                vm.weightModalityProperty().get() == null ? "-" : vm.weightModalityProperty().get(), lo.getValue(), hi.getValue()), lo.valueProperty(),
                hi.valueProperty(), vm.weightModalityProperty()));
        Label status = new Label();
        status.setId("gatingStatus");
        status.textProperty().bind(vm.statusProperty());
        range.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        lo.setPrefWidth(90);
        hi.setPrefWidth(90);
        javafx.scene.control.Button csv = new javafx.scene.control.Button("CSV...");
        csv.setId("gatingCsv");
        csv.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        csv.setTooltip(new javafx.scene.control.Tooltip("the shown clips as gating.csv writes them (same columns, 6 decimals)"));
        csv.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.setInitialFileName("gating-export.csv");
            java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (f == null) return;
            try {
                vm.export(java.util.List.copyOf(table.getItems()), f.toPath());
                report.accept("saved " + table.getItems().size() + " clips to " + f);
            } catch (Exception ex) {
                report.accept("cannot save " + f + ": " + ex.getMessage());
            }
        });
        // the filter controls wrap onto a second line rather than being cut ("misclassified...", "C...")
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(6, 4, mis, cls, range, lo, hi, csv);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox left = new VBox(6, filters, table, status);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(6));

        Label title = new Label("select a clip");
        title.setId("clipTitle");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold;");
        ImageView frames = new ImageView();
        frames.setId("clipFrames");
        ImageView spec = new ImageView();
        spec.setId("clipSpectrogram");
        Label probs = new Label();
        probs.setId("clipProbabilities");
        probs.setStyle("-fx-font-family: monospace;");
        probs.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a narrow table (a row per class): never ellipsised
        Label note = new Label();
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button play = new Button("\u25b6 Play audio");
        play.setId("playAudio");
        play.setOnAction(e -> vm.play());
        javafx.scene.control.CheckBox smooth = new javafx.scene.control.CheckBox("smoothed for the eye (3x3 mean; the model sees the raw frames)");
        smooth.setId("clipSmooth");
        smooth.setWrapText(true);
        smooth.setSelected(false); // the frames are readable as they are: show what the model sees
        smooth.selectedProperty().addListener(o -> {
            var d = vm.detailProperty().get();
            if (d != null && d.frames() != null) frames.setImage(ClipImages.scale(smooth.isSelected() ? ClipImages.smoothFrames(d.frames()) : d.frames(), 4).toImage());
        });
        vm.detailProperty().addListener((o, a, d) -> {
            if (d == null) {
                title.setText("select a clip");
                frames.setImage(null);
                spec.setImage(null);
                probs.setText("");
                note.setText("");
                return;
            }
            GatingTable.Row r = vm.selectedProperty().get();
            StringBuilder w = new StringBuilder();
            for (String m : vm.modalities()) {
                if (r == null) continue;
                if (!Double.isNaN(r.weight(m))) w.append(String.format(java.util.Locale.ROOT, "  w_%s=%.3f", m, r.weight(m))); // none for a method without fusion weights
                if (!Double.isNaN(r.u(m))) w.append(String.format(java.util.Locale.ROOT, "  u_%s=%.3f", m, r.u(m)));
            }
            title.setText(d.id() + "  (true: " + d.label() + ", predicted: " + (r == null ? "?" : r.prediction()) + ")" + w);
            frames.setImage(d.frames() == null ? null : ClipImages.scale(smooth.isSelected() ? ClipImages.smoothFrames(d.frames()) : d.frames(), 4).toImage());
            spec.setImage(d.spectrogram() == null ? null : ClipImages.scale(d.spectrogram(), 4).toImage());
            probs.setText(ProbabilityTable.text(d.probabilities()));
            note.setText(d.note() + (d.meta().isEmpty() ? "" : "\nmeta: " + d.meta()));
        });
        VBox right = new VBox(6, title, smooth, new Label("frames"), frames, new Label("log-Mel spectrogram"), spec, WrappedLabel.of("class probabilities per head (* the most probable)"), probs,
                play, note);
        right.setPadding(new Insets(6));
        WhatIfPanel whatIfPanel = new WhatIfPanel(vm.whatIf(), report);
        javafx.scene.control.ScrollPane whatIf = new javafx.scene.control.ScrollPane(whatIfPanel);
        for (ImageView v : whatIfPanel.pictures()) fitPictures(v, whatIf);
        whatIf.setFitToWidth(true); // the panel wraps its text and sliders to the column instead of running off it
        javafx.scene.control.ScrollPane detail = new javafx.scene.control.ScrollPane(right);
        detail.setFitToWidth(true); // text wraps to the column; only pictures wider than it scroll
        fitPictures(frames, detail);
        fitPictures(spec, detail);
        getItems().addAll(left, detail, whatIf);
        // the clip's column as wide as its widest text (the probability table), so that nothing runs under its scroll bar
        detail.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(250, probs.prefWidth(-1) + 40), probs.textProperty()));
        setDividerPositions(0.38, 0.66);
    }


    /**
     * Shrinks a picture to the column's width when the column is narrower than it (whole pixels kept
     * sharp: no smoothing), never enlarges it.
     */
    static void fitPictures(ImageView v, javafx.scene.control.ScrollPane column) {
        v.setPreserveRatio(true);
        v.setSmooth(false);
        Runnable fit = () -> {
            double natural = v.getImage() == null ? 0 : v.getImage().getWidth();
            double room = column.getViewportBounds().getWidth() - 16;
            v.setFitWidth(natural <= 0 || room <= 0 || room >= natural ? 0 : room);
        };
        v.imageProperty().addListener(o -> fit.run());
        column.viewportBoundsProperty().addListener(o -> fit.run());
    }

    private void rebuildColumns(GatingViewModel vm) {
        table.getColumns().clear();
        table.getColumns().add(col("id", r -> r.id()));
        table.getColumns().add(col("label", r -> r.label()));
        table.getColumns().add(col("prediction", r -> r.prediction()));
        table.getColumns().add(col("correct", r -> r.correct()));
        for (String m : vm.modalities()) table.getColumns().add(col("w_" + m, r -> round(r.weight(m))));
        for (String m : vm.modalities()) table.getColumns().add(col("u_" + m, r -> round(r.u(m))));
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }

    private static <T> TableColumn<GatingTable.Row, T> col(String name, Function<GatingTable.Row, T> f) {
        TableColumn<GatingTable.Row, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    /** The table. */
    public TableView<GatingTable.Row> table() {
        return table;
    }
}
