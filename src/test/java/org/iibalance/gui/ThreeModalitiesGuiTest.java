package org.iibalance.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.experiment.TestConfigs;
import org.iibalance.gui.gating.WhatIfResult;
import org.iibalance.gui.gating.WhatIfViewModel;
import org.iibalance.run.GatingTable;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.jfree.data.category.CategoryDataset;
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

/**
 * A run of the three-modality quickstart (shrunk) in the GUI: the gating inspector has three weight
 * and three u columns, Fig. 3 three modalities (prior and mean weights), and the what-if panel a
 * noise slider for audio and for the sensor, frame sliders, and three weight bars summing to one.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ThreeModalitiesGuiTest {
    @RegisterExtension
    final org.iibalance.gui.GuiFixture gui = new org.iibalance.gui.GuiFixture(); // cancels what still trains after each test

    @TempDir
    static Path runs;
    private static Path run;
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @BeforeAll
    static void train() throws Exception {
        var cfg = org.iibalance.config.ConfigIO.load(Path.of("sample-configs", "quickstart-three-modalities.yaml"),
                List.of("dataset.synthetic.trainClips=96", "dataset.synthetic.valClips=48", "dataset.synthetic.testClips=48", "training.epochs=2",
                        "method.budgetMaxEpochs=1", "method.budgetMinEpochs=1", "model.channels=4", "model.featureDim=16", "threads=1",
                        "output.runsDir=" + runs.toAbsolutePath()));
        RunOutcome o = new ExperimentRunner(cfg).run();
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
    void threeWeightColumnsThreeBarsAndAThreeWayWhatIf(FxRobot robot) throws Exception {
        RunSummary s = RunSummary.open(run);
        fx(() -> {
            vm.open(s);
            return null;
        });
        TableView<GatingTable.Row> table = robot.lookup("#gatingTable").queryTableView();
        List<String> cols = fx(() -> table.getColumns().stream().map(c -> c.getText()).toList());
        assertTrue(cols.containsAll(List.of("w_audio", "w_visual", "w_sensor", "u_audio", "u_visual", "u_sensor")), cols.toString());
        for (GatingTable.Row r : fx(() -> List.copyOf(table.getItems()))) {
            assertEquals(1.0, r.weight("audio") + r.weight("visual") + r.weight("sensor"), 1e-4, r.id());
        }
        // Fig. 3: the prior beta and the mean weight of each split, over three modalities
        fx(() -> {
            view.tabs().getSelectionModel().select(2);
            return null;
        });
        // the chart is redrawn by the refresher once its tab is shown (within a tick)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> view.budgetView().barsPane().viewer().getChart().getCategoryPlot().getDataset().getColumnCount() > 0));
        CategoryDataset bars = fx(() -> view.budgetView().barsPane().viewer().getChart().getCategoryPlot().getDataset());
        assertEquals(List.of("audio", "visual", "sensor"), bars.getColumnKeys());
        double beta = 0;
        for (int m = 0; m < 3; m++) beta += bars.getValue(0, m).doubleValue();
        assertEquals(1.0, beta, 1e-6, "the three priors sum to one (Eq. 2)");
        assertTrue(bars.getRowCount() >= 2, "prior and at least one split's mean weights");

        fx(() -> {
            view.tabs().getSelectionModel().select(3);
            table.getSelectionModel().select(0);
            return null;
        });
        WhatIfViewModel w = vm.gating().whatIf();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> w.resultProperty().get() != null));
        assertEquals(List.of("audio-noise", "sensor-noise", "visual-darken", "visual-occlude"),
                fx(() -> w.knobs().stream().map(k -> k.modality() + "-" + k.kind()).sorted().toList()));
        WhatIfResult r = fx(() -> w.resultProperty().get());
        assertEquals(3, r.weights().length);
        assertEquals(1.0, r.weights()[0] + r.weights()[1] + r.weights()[2], 1e-5);
        for (String m : List.of("audio", "visual", "sensor")) assertTrue(robot.lookup("#whatIfWeight-" + m).tryQuery().isPresent(), m);
        fx(() -> {
            w.knob("sensor", "noise").value().set(-20);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> w.resultProperty().get().specs().equals(List.of("sensor-noise:snr=-20"))));
        WhatIfResult noisy = fx(() -> w.resultProperty().get());
        assertTrue(!java.util.Arrays.equals(r.probabilities().get("sensor"), noisy.probabilities().get("sensor")), "the sensor head sees the noise");
    }
}
