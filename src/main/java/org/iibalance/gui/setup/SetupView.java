package org.iibalance.gui.setup;

import java.io.File;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.iibalance.gui.util.ClipImages;

/**
 * The set-up pane: dataset (kind, root, preview), method, seed, the hyper-parameter sheet (every
 * key, editable, with the CLI's problem per key), load / save YAML. Binds to a
 * {@link SetupViewModel}; holds no state of its own.
 */
public final class SetupView extends SplitPane {

    /** The pane over {@code vm}; messages go to {@code report}. */
    public SetupView(SetupViewModel vm, Consumer<String> report) {
        setId("setupView");
        ComboBox<String> kind = new ComboBox<>(vm.datasetKinds());
        kind.setId("datasetKind");
        kind.valueProperty().bindBidirectional(vm.entry("dataset.kind").valueProperty());
        TextField root = new TextField();
        root.setId("datasetRoot");
        root.textProperty().bindBidirectional(vm.entry("dataset.root").valueProperty());
        Button chooseRoot = new Button("Choose...");
        chooseRoot.disableProperty().bind(vm.needsRootProperty().not());
        chooseRoot.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        root.setMinWidth(60);
        root.disableProperty().bind(vm.needsRootProperty().not());
        chooseRoot.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(getScene().getWindow());
            if (f != null) vm.set("dataset.root", f.getAbsolutePath());
        });
        Label kindDesc = new Label();
        kindDesc.setWrapText(true);
        kindDesc.textProperty().bind(vm.datasetDescriptionProperty());
        Button preview = new Button("Load dataset / preview");
        preview.setId("loadDataset");
        preview.disableProperty().bind(vm.datasetLoadingProperty().or(vm.validProperty().not()));
        preview.setOnAction(e -> vm.loadDataset());
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(18, 18);
        spin.visibleProperty().bind(vm.datasetLoadingProperty());
        Label dsStatus = new Label();
        dsStatus.setId("datasetStatus");
        dsStatus.setWrapText(true);
        dsStatus.textProperty().bind(vm.datasetStatusProperty());
        ImageView frames = new ImageView();
        ImageView spec = new ImageView();
        frames.setId("previewFrames");
        spec.setId("previewSpectrogram");
        Label classes = new Label();
        classes.setId("datasetStory");
        classes.setWrapText(true);
        javafx.scene.layout.FlowPane gallery = new javafx.scene.layout.FlowPane(6, 6);
        gallery.setId("classGallery");
        javafx.scene.control.CheckBox smooth = new javafx.scene.control.CheckBox("smooth the frames for the eye (3x3 mean, display only: the model sees the raw frames)");
        smooth.setId("previewSmooth");
        smooth.setSelected(false); // the frames are readable as they are: show what the model sees
        smooth.setWrapText(true);
        java.util.function.UnaryOperator<ClipImages.Argb> look = f -> smooth.isSelected() ? ClipImages.smoothFrames(f) : f;
        Runnable render = () -> {
            DatasetSummary s = vm.datasetSummaryProperty().get();
            frames.setImage(s == null || s.frames() == null ? null : ClipImages.scale(look.apply(s.frames()), 3).toImage());
            spec.setImage(s == null || s.spectrogram() == null ? null : ClipImages.scale(s.spectrogram(), 3).toImage());
            StringBuilder story = new StringBuilder();
            if (s != null) {
                story.append("classes: ").append(String.join(", ", s.classNames()));
                for (String line : s.story()) story.append('\n').append(line);
                story.append("\npreview: clip ").append(s.previewId());
            }
            classes.setText(story.toString());
            gallery.getChildren().clear();
            if (s != null) {
                for (DatasetSummary.Example ex : s.examples()) {
                    ImageView iv = new ImageView(ClipImages.scale(look.apply(ex.frames()), 2).toImage());
                    Label cap = new Label(ex.caption());
                    cap.setWrapText(true);
                    cap.setMaxWidth(Math.max(80, ex.frames().width() * 2));
                    gallery.getChildren().add(new VBox(2, iv, cap));
                }
            }
        };
        vm.datasetSummaryProperty().addListener(o -> render.run());
        smooth.selectedProperty().addListener(o -> render.run());

        ComboBox<String> method = new ComboBox<>(vm.methodNames());
        method.setId("methodName");
        method.valueProperty().bindBidirectional(vm.entry("method.name").valueProperty());
        Label methodDesc = new Label();
        methodDesc.setWrapText(true);
        methodDesc.textProperty().bind(vm.methodDescriptionProperty());
        TextField seed = new TextField();
        seed.setId("seedField");
        seed.textProperty().bindBidirectional(vm.entry("seed").valueProperty());

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.setPadding(new Insets(8));
        int r = 0;
        g.addRow(r++, new Label("Dataset"), kind);
        g.add(kindDesc, 1, r++);
        g.addRow(r++, new Label("Root"), new HBox(4, root, chooseRoot));
        g.addRow(r++, new Label("Method"), method);
        g.add(methodDesc, 1, r++);
        g.addRow(r++, new Label("Seed"), seed);
        g.add(new HBox(4, preview, spin), 0, r++, 2, 1); // across both columns: the label column stays as narrow as "Dataset"
        Button demo = new Button("Demo (1 min)");
        demo.setId("demoPreset");
        demo.setTooltip(new javafx.scene.control.Tooltip("loads sample-configs/demo.yaml: IIBalance on synthetic-av, about a minute on 2 CPU cores"));
        demo.disableProperty().bind(vm.datasetLoadingProperty());
        demo.setOnAction(e -> {
            try {
                vm.loadPreset(SetupViewModel.DEMO_PRESET);
                report.accept("loaded the Demo (1 min) preset: press Train");
            } catch (Exception ex) {
                report.accept("cannot load the demo preset: " + ex.getMessage());
            }
        });
        g.addRow(r++, new Label("Preset"), demo);
        for (javafx.scene.control.Control c : java.util.List.of(kind, method, demo, preview)) c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        // descriptions wrap within the pane instead of scrolling it sideways
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(0);
        g.getColumnConstraints().addAll(labels, fields);
        kindDesc.setMinWidth(0);
        methodDesc.setMinWidth(0);
        kindDesc.setMaxWidth(Double.MAX_VALUE);
        methodDesc.setMaxWidth(Double.MAX_VALUE);
        VBox left = new VBox(6, g, dsStatus, classes, smooth, gallery, new Label("Frames of the preview clip"), frames, new Label("log-Mel spectrogram"), spec);
        left.setPadding(new Insets(6));
        dsStatus.setMaxWidth(Double.MAX_VALUE);
        classes.setMaxWidth(Double.MAX_VALUE);

        // the sheet: every key of ConfigIO.flatten, editable; problems as the CLI words them
        TableView<ConfigEntry> sheet = new TableView<>();
        sheet.setId("configTable");
        sheet.setEditable(true);
        TableColumn<ConfigEntry, String> keyCol = new TableColumn<>("key");
        keyCol.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().key()));
        keyCol.setPrefWidth(230);
        TableColumn<ConfigEntry, String> valCol = new TableColumn<>("value");
        valCol.setCellValueFactory(c -> c.getValue().valueProperty());
        valCol.setCellFactory(TextFieldTableCell.forTableColumn());
        valCol.setEditable(true);
        valCol.setPrefWidth(150);
        // one column for what a key means and, above it in red, what is wrong with its value (the CLI's
        // words); both wrap within the column (the row grows): nothing cut off, no sideways scrolling
        TableColumn<ConfigEntry, String> descCol = new TableColumn<>("description (a problem in red)");
        descCol.setId("descriptionColumn");
        descCol.setCellValueFactory(c -> c.getValue().problemProperty());
        descCol.setPrefWidth(420);
        descCol.setCellFactory(col -> new DescriptionCell());
        // a wider or narrower column re-wraps the text: the rows take their new heights
        // (one refresh per pulse: dragging the window fires many width changes)
        Runnable refreshSoon = org.iibalance.gui.util.OncePerPulse.of(sheet::refresh);
        descCol.widthProperty().addListener((o, a, b) -> refreshSoon.run());
        sheet.getColumns().add(keyCol);
        sheet.getColumns().add(valCol);
        sheet.getColumns().add(descCol);
        TextField filter = new TextField();
        filter.setPromptText("filter keys");
        filter.setTooltip(new javafx.scene.control.Tooltip("shows the keys containing this text, case ignored (e.g. method. or noisyaudio)"));
        filter.setId("sheetFilter");
        FilteredList<ConfigEntry> shown = new FilteredList<>(vm.entries());
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String f = filter.getText() == null ? "" : filter.getText().trim();
            String lower = f.toLowerCase(java.util.Locale.ROOT); // "noisyaudio" finds noisyAudioFraction
            return (java.util.function.Predicate<ConfigEntry>) en -> f.isEmpty()
                    || en.key().toLowerCase(java.util.Locale.ROOT).contains(lower)
                    || en.description().toLowerCase(java.util.Locale.ROOT).contains(lower);
        }, filter.textProperty()));
        sheet.setItems(shown);
        // a problem that appears or goes changes a row's height: rebuild the rows (after the edit is committed)
        vm.problems().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshSoon.run());
        Label problems = new Label();
        problems.setId("problemsLabel");
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: #c0392b;");
        problems.textProperty().bind(vm.problemsTextProperty());
        Button load = new Button("Load YAML...");
        load.setId("loadYaml");
        load.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f == null) return;
            try {
                vm.load(f.toPath());
                report.accept("loaded " + f);
            } catch (Exception ex) {
                report.accept("cannot load " + f + ": " + ex.getMessage().replace('\n', ';'));
            }
        });
        Button save = new Button("Save YAML...");
        save.setId("saveYaml");
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("experiment.yaml");
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f == null) return;
            try {
                vm.save(f.toPath());
                report.accept("saved " + f);
            } catch (Exception ex) {
                report.accept("cannot save " + f + ": " + ex.getMessage());
            }
        });
        Label file = new Label();
        file.setId("loadedLabel");
        // what the sheet holds: the file (or the defaults) and how many keys were edited since
        file.textProperty().bind(Bindings.createStringBinding(() -> {
            String base = vm.loadedNameProperty().get();
            int n = vm.overrides().size();
            return n == 0 ? "(" + base + ")" : "(" + base + " + " + n + (n == 1 ? " edit" : " edits") + ", unsaved)";
        }, vm.loadedNameProperty(), vm.configProperty(), vm.problems())); // problems: an invalid edit leaves the configuration as it was
        file.setTooltip(new javafx.scene.control.Tooltip());
        file.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> (vm.loadedFileProperty().get() == null ? "the defaults"
                : vm.loadedFileProperty().get().toAbsolutePath().toString()) + (vm.overrides().isEmpty() ? "" : "\nedited: " + String.join(", ", vm.overrides())),
                vm.loadedFileProperty(), vm.configProperty(), vm.problems()));
        file.setMinWidth(0);
        file.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        for (Button b : java.util.List.of(load, save)) b.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        filter.setMinWidth(120);
        filter.setPrefWidth(170);
        HBox.setHgrow(file, Priority.ALWAYS);
        file.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(6, load, save, file, filter);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox right = new VBox(6, bar, sheet, problems);
        right.setPadding(new Insets(6));
        VBox.setVgrow(sheet, Priority.ALWAYS);
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(330); // the dataset and method choosers stay whole at 1024 px // wrap to the pane's width: no horizontal scrolling
        leftScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        // the key column fits the longest key; long keys and values keep a tooltip
        keyCol.setMinWidth(Math.max(200, vm.entries().stream().mapToDouble(en -> org.iibalance.gui.util.TableColumns.textWidth(en.key())).max().orElse(0)
                + org.iibalance.gui.util.TableColumns.CELL_PADDING)); // the longest key, whole
        valCol.setMinWidth(90);
        descCol.setMinWidth(160);
        sheet.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        keyCol.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty ? null : k);
                ConfigEntry en = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(empty || k == null ? null : new javafx.scene.control.Tooltip(en == null || en.description().isEmpty() ? k : k + "\n" + en.description()));
            }
        });
        getItems().addAll(leftScroll, right);
        setDividerPositions(0.36);
    }

    /** A key's problem (red, when it has one) above its description, both wrapped to the column's width. */
    private static final class DescriptionCell extends TableCell<ConfigEntry, String> {
        private final javafx.scene.text.Text problem = new javafx.scene.text.Text();
        private final javafx.scene.text.Text description = new javafx.scene.text.Text();
        private final VBox box = new VBox(2);

        DescriptionCell() {
            getStyleClass().add("description-cell");
            problem.setStyle("-fx-fill: #c0392b;");
            problem.setId("problemText");
        }

        /** Wraps at the column's width (known before the cell is laid out, so the row gets its height at once). */
        private void wrapToColumn() {
            if (getTableColumn() == null || problem.wrappingWidthProperty().isBound()) return;
            for (javafx.scene.text.Text t : java.util.List.of(problem, description)) {
                t.wrappingWidthProperty().bind(getTableColumn().widthProperty().subtract(16));
            }
        }

        @Override
        protected void updateItem(String p, boolean empty) {
            super.updateItem(p, empty);
            setText(null);
            ConfigEntry en = empty || getTableView() == null || getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null
                    : getTableView().getItems().get(getIndex());
            if (en == null) {
                setGraphic(null);
                return;
            }
            wrapToColumn();
            problem.setText(p == null ? "" : p);
            description.setText(en.description());
            box.getChildren().setAll(p == null || p.isEmpty() ? java.util.List.of(description) : java.util.List.of(problem, description));
            setGraphic(box);
        }
    }
}
