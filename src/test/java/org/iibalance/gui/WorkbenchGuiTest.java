package org.iibalance.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iibalance.run.RunState;
import org.iibalance.run.GatingTable;
import org.iibalance.run.RunSummary;
import org.iibalance.gui.sweep.SweepRow;
import org.iibalance.gui.training.RunStatus;
import org.iibalance.gui.util.Exports;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.iibalance.gui.GuiFixture.fx;
import static org.iibalance.gui.GuiFixture.waitFor;

/** The workbench driven as a user would, headless (Monocle), on tiny trainings. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchGuiTest {
    @TempDir
    static Path runs;

    @RegisterExtension
    final GuiFixture gui = new GuiFixture(); // cancels what still trains after each test
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        gui.start(stage, Files.createTempDirectory(runs, "runs"), 1200, 760);
        vm = gui.vm;
        view = gui.view;
    }

    /** Fails at once (with the sheet's problems) instead of waiting on a Train button that stays grey. */
    private void assertCanTrain() throws Exception {
        assertTrue(fx(() -> vm.canTrainProperty().get()), fx(() -> vm.setup().problemsTextProperty().get()));
    }

    @Test
    @Tag("slow")
    void trainingFromTheGuiIsWatchedLiveAndEndsInTheRunsTableAndInspector(FxRobot robot) throws Exception {
        fx(() -> {
            vm.setup().apply(Tiny.config(vm.runs().runsDirProperty().get()));
            return null;
        });
        // every position of the lambda marker, seen by a listener (polling could miss a short epoch)
        List<Double> lambdaTs = java.util.Collections.synchronizedList(new ArrayList<>());
        fx(() -> {
            vm.training().currentTProperty().addListener((o, was, t) -> {
                if (!Double.isNaN(t.doubleValue())) lambdaTs.add(t.doubleValue());
            });
            return null;
        });
        boolean[] sawPointsWhileRunning = {false};
        fx(() -> {
            vm.training().positionProperty().addListener(o -> {
                if (vm.training().statusProperty().get() == RunStatus.RUNNING && vm.training().lossPoints() > 0) sawPointsWhileRunning[0] = true;
            });
            return null;
        });
        assertCanTrain();
        robot.clickOn("#trainButton");
        waitFor(120, () -> fx(() -> {
            return !vm.training().statusProperty().get().active();
        }));
        assertEquals(RunStatus.COMPLETED, fx(() -> vm.training().statusProperty().get()), fx(() -> vm.training().messageProperty().get()));
        assertTrue(sawPointsWhileRunning[0], "the loss chart gained points while the run was going");
        assertTrue(lambdaTs.size() >= 2, "the lambda marker moved: " + lambdaTs);
        // the chart was told about the points (within one refresh period): its auto-ranged step axis now spans them
        waitFor(10, () -> fx(() -> view.trainingView().lossPane().viewer().getChart().getXYPlot().getDomainAxis().getRange().getUpperBound() > 2));
        waitFor(10, () -> fx(() -> vm.training().lambdaData().getSeries(1).getItemCount() == 1));
        assertTrue(fx(() -> view.trainingView().lossPane().viewer().getChart().getXYPlot().getDataset().getItemCount(0)) > 0);
        assertEquals(fx(() -> vm.training().lossPoints()), fx(() -> vm.training().lossPointsShown()), "short runs are drawn whole");

        // the runs table shows it with its accuracies
        TableView<RunSummary> runsTable = robot.lookup("#runsTable").queryTableView();
        waitFor(20, () -> fx(() -> runsTable.getItems().stream().anyMatch(r -> r.completed() && !Double.isNaN(r.results().accMultimodal()))));
        RunSummary row = fx(() -> runsTable.getItems().get(0));
        assertTrue(row.results().accMultimodal() >= 0 && row.results().accMultimodal() <= 1 && !Double.isNaN(row.results().accuracy("audio"))
                && !Double.isNaN(row.results().accuracy("visual")));
        assertTrue(fx(() -> runsTable.getColumns().stream().map(c -> c.getText()).toList()).containsAll(List.of("Acc_audio", "Acc_visual")));

        // the gating inspector fills; selecting a clip shows it
        TableView<GatingTable.Row> gating = robot.lookup("#gatingTable").queryTableView();
        assertEquals(32, fx(() -> gating.getItems().size()));
        robot.clickOn(robot.lookup(".tab").nth(3).queryAs(javafx.scene.Node.class));
        fx(() -> {
            gating.getSelectionModel().select(0);
            return null;
        });
        String id = fx(() -> gating.getItems().get(0).id());
        waitFor(60, () -> fx(() -> vm.gating().detailProperty().get() != null && vm.gating().detailProperty().get().frames() != null));
        assertTrue(fx(() -> ((Label) robot.lookup("#clipTitle").query()).getText()).startsWith(id));
        assertNotNull(fx(() -> ((javafx.scene.image.ImageView) robot.lookup("#clipSpectrogram").query()).getImage()));
        assertTrue(fx(() -> vm.gating().detailProperty().get().probabilities().containsKey("fused")));

        // Fig. 3 has the prior and the three splits; exports are valid files
        assertTrue(fx(() -> vm.training().budget().weights().keySet()).containsAll(List.of("train", "val", "test")));
        Path out = Files.createTempDirectory(runs, "export");
        fx(() -> {
            view.budgetView().barsPane().export(out.resolve("fig3.png"));
            view.trainingView().lossPane().export(out.resolve("loss.svg"));
            Exports.table(gating, out.resolve("gating.csv"));
            return null;
        });
        byte[] png = Files.readAllBytes(out.resolve("fig3.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        var dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = dbf.newDocumentBuilder().parse(out.resolve("loss.svg").toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        List<String> csv = Files.readAllLines(out.resolve("gating.csv"));
        assertEquals(33, csv.size());
        assertTrue(csv.get(0).startsWith("id,label,prediction,correct,w_audio"), csv.get(0));
    }

    @Test
    @Tag("slow")
    void cancelMidEpochKeepsTheGuiResponsiveAndMarksTheFolder(FxRobot robot) throws Exception {
        fx(() -> {
            vm.setup().apply(Tiny.config(vm.runs().runsDirProperty().get()));
            vm.setup().apply(List.of("dataset.synthetic.trainClips=1024", "training.epochs=20", "training.batchSize=8"));
            return null;
        });
        assertCanTrain();
        robot.clickOn("#trainButton");
        waitFor(120, () -> fx(() -> org.iibalance.run.TrainingPhase.TRAIN.equals(vm.training().phaseProperty().get()) && vm.training().lossPoints() > 3));
        robot.clickOn("#cancelButton");
        long t0 = System.nanoTime();
        fx(() -> vm.training().lossPoints()); // the FX thread answers at once while the loop winds down
        assertTrue((System.nanoTime() - t0) / 1e6 < 1000, "FX thread blocked");
        waitFor(60, () -> fx(() -> vm.training().statusProperty().get() == RunStatus.CANCELLED));
        Path dir = fx(() -> vm.training().runDirProperty().get());
        assertEquals(RunState.CANCELLED, org.iibalance.run.RunSummary.stateOf(dir).state());
        assertTrue(Files.readString(dir.resolve("state.json")).contains("\"cancelled\""));
        assertTrue(fx(() -> ((Button) robot.lookup("#trainButton").query()).isDisabled()) == false);
    }

    @Test
    void invalidHyperParameterShowsTheMessageAndDisablesTrain(FxRobot robot) throws Exception {
        fx(() -> {
            vm.setup().set("method.tau", "-1");
            return null;
        });
        Label problems = robot.lookup("#problemsLabel").query();
        assertTrue(fx(problems::getText).contains("method.tau: the budget temperature of Eq. 2 must be > 0"), fx(problems::getText));
        assertTrue(fx(() -> ((Button) robot.lookup("#trainButton").query()).isDisabled()));
        assertTrue(fx(() -> ((Button) robot.lookup("#copyCli").query()).isDisabled()), "no CLI command for a configuration the CLI would refuse");
        // typing in the seed field goes through the same validation
        fx(() -> {
            vm.setup().set("method.tau", "0.07");
            return null;
        });
        robot.clickOn(robot.lookup(".tab").nth(0).queryAs(javafx.scene.Node.class));
        robot.doubleClickOn("#seedField").eraseText(6).write("x1");
        assertTrue(fx(problems::getText).contains("seed"), fx(problems::getText));
        assertTrue(fx(() -> ((Button) robot.lookup("#trainButton").query()).isDisabled()));
    }

    @Test
    @Tag("slow")
    void aTwoByTwoSweepFillsFourRowsAndTheFigure4Chart(FxRobot robot) throws Exception {
        fx(() -> {
            vm.setup().apply(Tiny.config(vm.runs().runsDirProperty().get()));
            vm.setup().apply(List.of("training.epochs=1"));
            vm.sweep().axis1ValuesProperty().set("0.05,0.1");
            vm.sweep().axis2ValuesProperty().set("0.5,1.0");
            vm.sweep().seedsProperty().set("1");
            vm.sweep().parallelismProperty().set(1);
            return null;
        });
        robot.clickOn(robot.lookup(".tab").nth(4).queryAs(javafx.scene.Node.class));
        assertCanTrain();
        robot.clickOn("#sweepStart");
        TableView<SweepRow> table = robot.lookup("#sweepTable").queryTableView();
        waitFor(240, () -> fx(() -> !vm.sweep().runningProperty().get() && table.getItems().size() == 4));
        assertEquals(4, fx(() -> table.getItems().stream().filter(r -> r.state().equals("completed")).count()), fx(() -> table.getItems().toString()));
        assertEquals(1, fx(() -> table.getItems().stream().filter(SweepRow::best).count()));
        // the Fig. 4 chart is redrawn by the refresher within one period
        waitFor(10, () -> fx(() -> view.sweepView().chart1().viewer().getChart().getXYPlot().getDataset().getItemCount(0) == 2));
        var chart = fx(() -> view.sweepView().chart1().viewer().getChart());
        assertEquals(1, chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
    }
}
