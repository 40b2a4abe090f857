package org.iibalance.gui.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.experiment.TestConfigs;
import org.iibalance.gui.WorkbenchApp;
import org.iibalance.gui.WorkbenchView;
import org.iibalance.gui.WorkbenchViewModel;
import org.iibalance.run.RobustnessTable;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.jfree.data.xy.XYDataset;
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
 * The Robustness tab on one tiny trained IIBalance run: choose it and one corruption at two
 * severities, Run; rows arrive while it runs (the activity field says so), the accuracy chart gets a
 * point per severity, IIBalance's weights chart a line per modality, and robustness.csv and the
 * figures are where the CLI's {@code robustness --out} writes them.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RobustnessGuiTest {
    @RegisterExtension
    final org.iibalance.gui.GuiFixture gui = new org.iibalance.gui.GuiFixture(); // cancels what still trains after each test

    @TempDir
    static Path root;
    private static Path runsDir;
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @BeforeAll
    static void train() throws Exception {
        runsDir = root.resolve("runs");
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runsDir, "iibalance", "threads=1")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
    }

    @Start
    void start(Stage stage) throws Exception {
        gui.start(stage, runsDir);
        vm = gui.vm;
        view = gui.view;
    }

    @Test
    void oneCorruptionOnOneRunDrawsItsCurveLive(FxRobot robot) throws Exception {
        RobustnessViewModel r = vm.robustness();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> r.runs().size() == 1));
        assertEquals(runsDir.toAbsolutePath().normalize().resolveSibling("robustness"), fx(() -> r.outProperty().get()), "beside the runs folder");
        // the default choice: audio noise at every SNR and darkened frames
        assertTrue(fx(r::specs).containsAll(List.of("audio-noise:snr=20", "audio-noise:snr=-20", "visual-darken:level=0.5")), fx(r::specs).toString());
        Path out = Files.createDirectories(root.resolve("robustness-out"));
        AtomicInteger tableUpdatesWhileRunning = new AtomicInteger();
        List<String> activities = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        fx(() -> {
            view.tabs().getSelectionModel().select(view.tabs().getTabs().size() - 1);
            ListView<?> runs = robot.lookup("#robustnessRuns").queryListView();
            runs.getSelectionModel().selectAll();
            r.choose(List.of("audio-noise:snr=0", "audio-noise:snr=-20"));
            r.outProperty().set(out);
            r.tableProperty().addListener((o, a, b) -> {
                if (r.runningProperty().get()) tableUpdatesWhileRunning.incrementAndGet();
            });
            vm.activityProperty().addListener((o, a, b) -> activities.add(b));
            robot.lookup("#robustnessRun").queryButton().fire();
            return null;
        });
        assertTrue(fx(() -> r.runningProperty().get()));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> !r.runningProperty().get()));
        String status = fx(() -> r.statusProperty().get());
        RobustnessTable t = RobustnessTable.readOrEmpty(out);
        assertEquals(3, t.rows().size(), status); // clean + two SNRs
        assertTrue(tableUpdatesWhileRunning.get() >= 1, "rows came in while it ran");
        assertTrue(activities.stream().anyMatch(a -> a.contains("robustness")), "the activity field showed it: " + activities);
        // the charts are redrawn by the window's chart refresher, within a period of the last row
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            XYDataset d = view.robustnessView().accuracyPane().viewer().getChart().getXYPlot().getDataset();
            return d.getSeriesCount() == 1 && d.getItemCount(0) == 2;
        }));
        XYDataset acc = fx(() -> view.robustnessView().accuracyPane().viewer().getChart().getXYPlot().getDataset());
        assertEquals(1, acc.getSeriesCount(), "one method");
        assertEquals(2, acc.getItemCount(0), "a point per SNR");
        XYDataset w = fx(() -> view.robustnessView().weightsPane().viewer().getChart().getXYPlot().getDataset());
        assertEquals(2, w.getSeriesCount(), "w_audio and w_visual");
        assertTrue(Files.isRegularFile(out.resolve("robustness-audio-noise.png")) && Files.isRegularFile(out.resolve("robustness.md")), status);
        // the tab's row for a run equals the CLI's evaluate of the same run and corruption
        RobustnessTable.Row clean = t.rows().stream().filter(x -> x.spec().equals(RobustnessTable.CLEAN)).findFirst().orElseThrow();
        RunSummary s = RunSummary.open(Path.of(clean.run()));
        assertEquals(s.results().accMultimodal(), clean.accMultimodal(), 1e-12, "the clean row is the run's own test Acc_m");
    }
}
