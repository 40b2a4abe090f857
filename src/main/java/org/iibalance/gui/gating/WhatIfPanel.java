package org.iibalance.gui.gating;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.iibalance.gui.util.ClipImages;
import org.iibalance.gui.util.WrappedLabel;

/**
 * The what-if panel: sliders that corrupt one modality of the selected clip, the clip as the
 * network then sees it, each modality's fusion weight (a bar, with its clean value) and u_m, and each
 * head's class probabilities. Its state is a {@link WhatIfViewModel}.
 */
public final class WhatIfPanel extends VBox {
    /** Width the pictures are scaled towards (integer factors, so small arrays stay crisp). */
    private static final int PICTURE_WIDTH = 300;
    private final VBox sliders = new VBox(2);
    private final GridPane weights = new GridPane();
    private final ImageView frames = new ImageView();
    private final ImageView spectrogram = new ImageView();
    private final Label probabilities = new Label();
    private final Label verdict = new Label();
    private final List<ProgressBar> bars = new ArrayList<>();
    private final List<Label> texts = new ArrayList<>();
    private final List<Label> names = new ArrayList<>();
    private List<String> rowsFor = List.of();

    /** The panel over {@code vm}; {@code report} takes messages for the status bar. */
    public WhatIfPanel(WhatIfViewModel vm, Consumer<String> report) {
        super(6);
        setId("whatIfPanel");
        setPadding(new Insets(6));
        Label title = new Label("What if a modality fails on this clip?");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        title.setWrapText(true);
        Label how = new Label("Drag a slider: the clip is corrupted and run again through the run's best checkpoint (as `evaluate --corrupt` does).");
        how.setWrapText(true);
        Button reset = new Button("Reset to clean");
        reset.setId("whatIfReset");
        reset.disableProperty().bind(vm.readyProperty().not());
        reset.setOnAction(e -> vm.reset());
        vm.knobs().addListener((ListChangeListener<WhatIfKnob>) c -> buildSliders(vm));
        buildSliders(vm);

        frames.setId("whatIfFrames");
        spectrogram.setId("whatIfSpectrogram");
        probabilities.setId("whatIfProbabilities");
        probabilities.setStyle("-fx-font-family: monospace;");
        verdict.setId("whatIfVerdict");
        verdict.setStyle("-fx-font-weight: bold;");
        verdict.setWrapText(true);
        probabilities.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a narrow table (a row per class), never cut
        weights.setId("whatIfWeights");
        weights.setHgap(6);
        weights.setVgap(2);
        Label status = new Label();
        status.setId("whatIfStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        vm.resultProperty().addListener((o, a, r) -> show(r));

        getChildren().addAll(title, how, sliders, reset, verdict, WrappedLabel.of("fusion weight w_m (Eq. 10), its clean value in brackets, and u_m (Eq. 7)"), weights,
                WrappedLabel.of("frames, as corrupted"), frames, WrappedLabel.of("spectrogram, as corrupted"), spectrogram, WrappedLabel.of("class probabilities per head (* the most probable)"),
                probabilities, status);
    }


    private void buildSliders(WhatIfViewModel vm) {
        sliders.getChildren().clear();
        if (vm.knobs().isEmpty()) {
            sliders.getChildren().add(WrappedLabel.of("(sliders appear once the run's checkpoint is loaded)"));
            return;
        }
        for (WhatIfKnob k : vm.knobs()) {
            Slider s = new Slider(k.min(), k.max(), k.value().get());
            s.setId(k.id());
            if (k.kind().equals("noise")) {
                s.setMajorTickUnit(10);
                s.setMinorTickCount(1);
                s.setBlockIncrement(5);
                s.setSnapToTicks(false);
            } else {
                s.setMajorTickUnit(0.25);
                s.setBlockIncrement(0.1);
            }
            s.setShowTickMarks(true);
            s.valueProperty().bindBidirectional(k.value());
            Label caption = new Label();
            caption.setWrapText(true);
            caption.textProperty().bind(Bindings.createStringBinding(k::caption, k.value()));
            sliders.getChildren().addAll(caption, s);
        }
    }

    /** Shows one result (package-private: tests drive it without an inference). */
    void show(WhatIfResult r) {
        if (r == null) {
            frames.setImage(null);
            spectrogram.setImage(null);
            probabilities.setText("");
            verdict.setText("");
            for (ProgressBar b : bars) b.setProgress(0);
            for (Label t : texts) t.setText("");
            return;
        }
        frames.setImage(r.frames() == null ? null : picture(r.frames()).toImage());
        spectrogram.setImage(r.spectrogram() == null ? null : picture(r.spectrogram()).toImage());
        verdict.setText(String.format(Locale.ROOT, "true class %d; predicted %d (clean: %d)%s", r.label(), r.prediction(), r.cleanPrediction(),
                r.prediction() == r.label() ? "" : "  WRONG"));
        verdict.setStyle("-fx-font-weight: bold; -fx-text-fill: " + (r.prediction() == r.label() ? "#1a7f37" : "#b42318") + ";");
        if (!r.modalities().equals(rowsFor)) { // one row per modality, built once per run: the bars move, they are not replaced
            weights.getChildren().clear();
            bars.clear();
            texts.clear();
            names.clear();
            for (int m = 0; m < r.modalities().size(); m++) {
                String name = r.modalities().get(m);
                ProgressBar bar = new ProgressBar(0);
                bar.setId("whatIfWeight-" + name);
                bar.setPrefWidth(120);
                Label v = new Label();
                v.setId("whatIfWeightText-" + name);
                v.setWrapText(true);
                Label nameLabel = new Label("w_" + name);
                nameLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                bar.setMinWidth(40);
                weights.addRow(m, nameLabel, bar, v);
                javafx.scene.layout.GridPane.setHgrow(v, javafx.scene.layout.Priority.ALWAYS);
                bars.add(bar);
                texts.add(v);
                names.add(nameLabel);
            }
            rowsFor = List.copyOf(r.modalities());
        }
        boolean hasWeights = r.weights() != null;
        boolean perModality = hasWeights || r.uncertainty() != null; // a row per modality, else one sentence for the method
        for (int m = 0; m < r.modalities().size(); m++) {
            bars.get(m).setProgress(hasWeights ? r.weights()[m] : 0);
            bars.get(m).setVisible(hasWeights); // a method without fusion weights: no empty bar
            bars.get(m).setManaged(hasWeights);
            String text;
            if (hasWeights) {
                text = String.format(Locale.ROOT, "%.3f (clean %.3f)", r.weights()[m], r.cleanWeights() == null ? Double.NaN : r.cleanWeights()[m]);
                if (r.uncertainty() != null) text += String.format(Locale.ROOT, "  u %.3f", r.uncertainty()[m]);
            } else if (r.uncertainty() != null) {
                text = String.format(Locale.ROOT, "u %.3f", r.uncertainty()[m]);
            } else {
                // said once for the method, not once per modality: the first row holds the sentence, the others fold away
                text = m == 0 ? "no fusion weights (this method has none)" : "";
            }
            boolean shown = perModality || m == 0;
            names.get(m).setVisible(perModality);
            names.get(m).setManaged(perModality);
            texts.get(m).setVisible(shown);
            texts.get(m).setManaged(shown);
            texts.get(m).setText(text);
        }
        probabilities.setText(ProbabilityTable.text(r.probabilities()));
    }

    private static ClipImages.Argb picture(ClipImages.Argb a) {
        return ClipImages.scale(a, Math.max(1, Math.min(4, PICTURE_WIDTH / Math.max(1, a.width()))));
    }

    /** The pictures (frames, spectrogram), for the column to fit to its width. */
    List<ImageView> pictures() {
        return List.of(frames, spectrogram);
    }

    /** The weights grid (tests read its bars). */
    public GridPane weights() {
        return weights;
    }
}
