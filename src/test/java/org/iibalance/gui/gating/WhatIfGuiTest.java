package org.iibalance.gui.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.experiment.TestConfigs;
import org.iibalance.gui.WorkbenchApp;
import org.iibalance.gui.WorkbenchView;
import org.iibalance.gui.WorkbenchViewModel;
import org.iibalance.run.GatingTable;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.iibalance.gui.GuiFixture.fx;
import static org.iibalance.gui.GuiFixture.waitFor;

/**
 * The what-if panel, driven headless (Monocle) on a tiny trained IIBalance run: select a clip, the
 * clean what-if reproduces the clip's gating.csv row; drown the audio with the slider and the fusion
 * weights, the audio head's probabilities and the drawn spectrogram change; darken the frames and the
 * drawn frames change.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class WhatIfGuiTest {
    @RegisterExtension
    final org.iibalance.gui.GuiFixture gui = new org.iibalance.gui.GuiFixture(); // cancels what still trains after each test

    @TempDir
    static Path runs;
    private static Path run;
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @BeforeAll
    static void train() throws Exception {
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "iibalance", "threads=1")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        run = o.runDir();
    }

    @Start
    void start(Stage stage) throws Exception {
        gui.start(stage, Files.createTempDirectory(runs, "gui"));
        vm = gui.vm;
        view = gui.view;
    }

    @Test
    void movingTheAudioSliderMovesTheWeightsAndRedrawsTheClip(FxRobot robot) throws Exception {
        RunSummary s = RunSummary.open(run);
        fx(() -> {
            vm.open(s);
            view.tabs().getSelectionModel().select(3);
            return null;
        });
        TableView<GatingTable.Row> table = robot.lookup("#gatingTable").queryTableView();
        GatingTable.Row row = fx(() -> table.getItems().get(0));
        fx(() -> {
            table.getSelectionModel().select(row);
            return null;
        });
        WhatIfViewModel w = vm.gating().whatIf();
        waitFor(120, () -> fx(() -> w.resultProperty().get() != null));
        WhatIfResult clean = fx(() -> w.resultProperty().get());
        assertEquals(row.id(), clean.clipId());
        assertTrue(clean.specs().isEmpty());
        // the clean what-if is the run's own inference on that clip: gating.csv's weights (6 decimals) and prediction
        assertEquals(row.weight("audio"), clean.weights()[0], 2e-6, "w_audio of the clean what-if = gating.csv");
        assertEquals(row.weight("visual"), clean.weights()[1], 2e-6);
        assertEquals(row.u("audio"), clean.uncertainty()[0], 2e-6);
        assertEquals(row.prediction(), clean.prediction());
        // the clean figures beside every what-if are the row's own (no second clean inference)
        assertEquals(row.weight("audio"), clean.cleanWeights()[0], 0);
        assertEquals(row.weight("visual"), clean.cleanWeights()[1], 0);
        assertEquals(row.prediction(), clean.cleanPrediction());
        assertEquals(3, clean.probabilities().size(), "fused, audio and visual heads");
        ProgressBar audioBar = (ProgressBar) robot.lookup("#whatIfWeight-audio").query();
        assertEquals(clean.weights()[0], fx(audioBar::getProgress), 1e-9);
        Image cleanSpec = fx(() -> ((ImageView) robot.lookup("#whatIfSpectrogram").query()).getImage());
        Image cleanFrames = fx(() -> ((ImageView) robot.lookup("#whatIfFrames").query()).getImage());
        assertNotNull(cleanSpec);

        // drown the audio: the slider as a user leaves it
        Slider snr = (Slider) robot.lookup("#whatIf-audio-noise").query();
        int before = fx(() -> w.updatesProperty().get());
        fx(() -> {
            snr.setValue(-20);
            return null;
        });
        waitFor(60, () -> fx(() -> w.resultProperty().get().specs().equals(List.of("audio-noise:snr=-20"))));
        WhatIfResult drowned = fx(() -> w.resultProperty().get());
        assertTrue(fx(() -> w.updatesProperty().get()) > before);
        double moved = Math.abs(drowned.weights()[0] - clean.weights()[0]);
        System.out.printf("what-if %s: w_audio %.4f -> %.4f at -20 dB (%.0f ms)%n", row.id(), clean.weights()[0], drowned.weights()[0], drowned.millis());
        // the inference is deterministic (Reset below gives the clean weights back exactly), so any change is the corruption's.
        // At this tiny size (near chance) the gate barely responds: measured w_audio 0.39476 -> 0.39398 on test-0, so the
        // test asks for a change, not a size or direction (README: the gate moves visibly only on a run that learned)
        assertTrue(moved > 1e-5, "the audio weight moved: " + clean.weights()[0] + " -> " + drowned.weights()[0]);
        assertEquals(1.0, drowned.weights()[0] + drowned.weights()[1], 1e-5, "weights still sum to one (Eq. 8)");
        assertFalse(java.util.Arrays.equals(clean.probabilities().get("audio"), drowned.probabilities().get("audio")), "the audio head sees the noise");
        assertTrue(java.util.Arrays.equals(clean.probabilities().get("visual"), drowned.probabilities().get("visual")), "the visual head does not");
        assertEquals(drowned.weights()[0], fx(audioBar::getProgress), 1e-9, "the bar shows the new weight");
        assertTrue(fx(() -> ((Label) robot.lookup("#whatIfWeightText-audio").query()).getText()).contains(String.format(java.util.Locale.ROOT, "clean %.3f", clean.weights()[0])));
        Image noisySpec = fx(() -> ((ImageView) robot.lookup("#whatIfSpectrogram").query()).getImage());
        assertFalse(samePixels(cleanSpec, noisySpec), "the spectrogram is drawn as corrupted");
        assertTrue(samePixels(cleanFrames, fx(() -> ((ImageView) robot.lookup("#whatIfFrames").query()).getImage())), "the frames are not");

        // darken the frames too, after a move of the SNR slider that still reads -20 dB: that move runs nothing,
        // so the darkening is the one inference more (had it run, the darkening would wait for it: two more)
        Slider dark = (Slider) robot.lookup("#whatIf-visual-darken").query();
        int beforeDark = fx(() -> w.updatesProperty().get());
        fx(() -> {
            snr.setValue(-19.8);
            dark.setValue(0.9);
            return null;
        });
        waitFor(60, () -> fx(() -> w.resultProperty().get().specs().equals(List.of("audio-noise:snr=-20", "visual-darken:level=0.90"))));
        assertEquals(beforeDark + 1, fx(() -> w.updatesProperty().get()), "one inference for the two moves");
        assertFalse(samePixels(cleanFrames, fx(() -> ((ImageView) robot.lookup("#whatIfFrames").query()).getImage())), "the frames are drawn darkened");

        // reset: back to the clean figures
        fx(() -> {
            robot.lookup("#whatIfReset").queryButton().fire();
            return null;
        });
        waitFor(60, () -> fx(() -> w.resultProperty().get().specs().isEmpty()));
        assertEquals(clean.weights()[0], fx(() -> w.resultProperty().get().weights()[0]), 1e-9);
    }

    private static boolean samePixels(Image a, Image b) {
        int wd = (int) a.getWidth(), h = (int) a.getHeight();
        if (wd != (int) b.getWidth() || h != (int) b.getHeight()) return false;
        int[] pa = new int[wd * h], pb = new int[wd * h];
        a.getPixelReader().getPixels(0, 0, wd, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pa, 0, wd);
        b.getPixelReader().getPixels(0, 0, wd, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pb, 0, wd);
        return java.util.Arrays.equals(pa, pb);
    }
}
