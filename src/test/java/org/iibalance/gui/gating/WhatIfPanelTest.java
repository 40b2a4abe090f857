package org.iibalance.gui.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.iibalance.gui.util.CurrentThreadTaskExecutor;
import org.iibalance.run.GatingTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The what-if panel's weight rows for a given result, without a trained run: a method with fusion
 * weights gets a bar and a figure per modality; a method without any says so once, not once per
 * modality, and shows no empty bars.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfPanelTest {
    private WhatIfPanel panel;

    @Start
    void start(Stage stage) {
        WhatIfViewModel vm = new WhatIfViewModel(new CurrentThreadTaskExecutor(), new SimpleObjectProperty<Path>(), new SimpleObjectProperty<GatingTable.Row>());
        panel = new WhatIfPanel(vm, message -> {});
        stage.setScene(new Scene(panel, 640, 480));
        stage.show();
    }

    private static WhatIfResult result(double[] weights, double[] uncertainty, double[] cleanWeights) {
        return new WhatIfResult("test-1", List.of(), List.of("audio", "visual"), null, null,
                Map.of("fused", new double[] {0.9, 0.1}), 0, 0, weights, uncertainty, cleanWeights, 0, 1.0);
    }

    /** The shown texts of the weight rows, in row order (a folded row is not shown). */
    private List<String> shownTexts(FxRobot robot) {
        return robot.lookup(n -> n instanceof Label && n.getId() != null && n.getId().startsWith("whatIfWeightText-")).queryAll().stream()
                .filter(Node::isVisible).map(n -> ((Label) n).getText()).toList();
    }

    private void show(WhatIfResult r) {
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        javafx.application.Platform.runLater(() -> {
            try {
                panel.show(r);
            } catch (RuntimeException e) {
                failed.set(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (failed.get() != null) throw failed.get();
    }

    @Test
    void aMethodWithoutFusionWeightsSaysSoOnce(FxRobot robot) {
        show(result(null, null, null));
        assertEquals(List.of("no fusion weights (this method has none)"), shownTexts(robot));
        assertTrue(robot.lookup(n -> n instanceof ProgressBar && n.isVisible()).queryAll().isEmpty(), "no empty bars");
        assertFalse(robot.lookup(n -> n instanceof Label && ((Label) n).getText().startsWith("w_") && n.isVisible()).tryQuery().isPresent(),
                "no w_m labels without weights");
    }

    @Test
    void aMethodWithFusionWeightsShowsABarAndAFigurePerModality(FxRobot robot) {
        show(result(null, null, null)); // then a gated method's result in the same panel: the folded rows come back
        show(result(new double[] {0.25, 0.75}, new double[] {0.4, 0.1}, new double[] {0.6, 0.4}));
        // the weights under the corruption, the clean ones (the clip's gating.csv row) beside them
        assertEquals(List.of("0.250 (clean 0.600)  u 0.400", "0.750 (clean 0.400)  u 0.100"), shownTexts(robot));
        List<Node> bars = List.copyOf(robot.lookup(n -> n instanceof ProgressBar && n.isVisible()).queryAll());
        assertEquals(2, bars.size());
        assertEquals(0.75, ((ProgressBar) robot.lookup("#whatIfWeight-visual").query()).getProgress(), 1e-12);
    }
}
