package org.iibalance.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.iibalance.gui.training.RunStatus;
import org.iibalance.gui.util.FxTaskExecutor;
import org.iibalance.run.GatingTable;
import org.iibalance.run.RunSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench's status, filters, baseline panels and layout, driven headless (Monocle) as a user would. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchStatusGuiTest {
    static {
        // building the whole window takes longer than TestFX's 30 s default on a loaded 2-core machine
        if (System.getProperty("testfx.setup.timeout") == null) System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir
    static Path runs;

    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(runs, "runs");
        vm = new WorkbenchViewModel(new FxTaskExecutor(), dir);
        view = WorkbenchApp.createView(vm);
        stage.setScene(new Scene(view, 1280, 820));
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.cancel();
            vm.sweep().cancel();
        });
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private String text(FxRobot robot, String id) throws Exception {
        Label l = robot.lookup(id).query();
        return fx(l::getText);
    }

    /** The fixture run folders written by earlier code (an IIBalance run and a joint-training run), copied. */
    private static Path fixtureCopy(String name) throws Exception {
        Path src = Path.of(WorkbenchStatusGuiTest.class.getResource("/org/iibalance/run/fixture/" + name).toURI());
        Path dst = Files.createTempDirectory(runs, "fixture").resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, dst.resolve(f.getFileName()));
        }
        return dst;
    }

    @Test
    void statusStaysTruthfulThroughACancelAnExportAndASweep(FxRobot robot) throws Exception {
        fx(() -> {
            vm.setup().apply(Tiny.config(vm.runs().runsDirProperty().get()));
            vm.setup().apply(List.of("dataset.synthetic.trainClips=256", "training.epochs=20", "training.batchSize=8"));
            return null;
        });
        // the whole run's progress and ETA are known during the budget phase, before any multimodal step
        boolean[] budgetProgress = {false};
        fx(() -> {
            vm.training().etaProperty().addListener(o -> {
                var ph = vm.training().phaseProperty().get();
                if (ph != null && ph.isBudget() && vm.training().progressProperty().get() > 0 && !Double.isNaN(vm.training().etaProperty().get())) {
                    budgetProgress[0] = true;
                }
            });
            return null;
        });
        robot.clickOn("#trainButton");
        waitFor(400, () -> fx(() -> org.iibalance.run.TrainingPhase.TRAIN.equals(vm.training().phaseProperty().get()) && vm.training().lossPoints() > 3));
        assertEquals("run: running", text(robot, "#runState"));
        assertEquals("now: run iibalance", text(robot, "#activityLabel"));
        assertTrue(budgetProgress[0], "progress and ETA were shown during the budget phase");
        assertTrue(fx(() -> vm.training().budgetLossData().getSeriesCount()) >= 1, "the budget models' losses were drawn");
        robot.clickOn("#cancelButton");
        waitFor(90, () -> fx(() -> vm.training().statusProperty().get() == RunStatus.CANCELLED));
        waitFor(10, () -> text(robot, "#noticeLabel").contains("cancelled by the user after"));
        assertEquals("run: cancelled", text(robot, "#runState"));
        assertEquals("now: idle", text(robot, "#activityLabel"));

        // an export is a message: the run state and the activity do not take it in
        Path png = Files.createTempDirectory(runs, "export").resolve("fig3.png");
        fx(() -> {
            view.budgetView().barsPane().saveTo(png, vm::notice);
            return null;
        });
        assertTrue(Files.size(png) > 0);
        assertTrue(text(robot, "#noticeLabel").endsWith("saved " + png), text(robot, "#noticeLabel"));
        assertEquals("run: cancelled", text(robot, "#runState"));
        assertEquals("now: idle", text(robot, "#activityLabel"));

        // a sweep: the global status follows it, Train waits for it
        fx(() -> {
            vm.setup().apply(List.of("dataset.synthetic.trainClips=64", "training.epochs=1", "training.batchSize=16"));
            vm.sweep().axis1ValuesProperty().set("0.05,0.1");
            vm.sweep().axis2ValuesProperty().set("1.0");
            vm.sweep().seedsProperty().set("1");
            vm.sweep().parallelismProperty().set(1);
            return null;
        });
        robot.clickOn(robot.lookup(".tab").nth(4).queryAs(Node.class));
        robot.clickOn("#sweepStart");
        waitFor(30, () -> fx(() -> vm.sweep().runningProperty().get()));
        assertTrue(text(robot, "#activityLabel").startsWith("now: sweep "), text(robot, "#activityLabel"));
        assertTrue(text(robot, "#statusLabel").startsWith("sweep | "), text(robot, "#statusLabel"));
        assertTrue(fx(() -> ((Button) robot.lookup("#trainButton").query()).isDisabled()), "no run while a sweep trains");
        waitFor(300, () -> fx(() -> !vm.sweep().runningProperty().get()));
        assertEquals(2, fx(() -> vm.sweep().trialsDoneProperty().get()));
        // the last message is how the sweep ended (whatever each trial's outcome: that is the sweep table's business)
        String trials = fx(() -> vm.sweep().rows().stream().map(r -> r.name() + ": " + r.state()).toList()).toString();
        System.out.println("sweep trials: " + trials);
        assertTrue(text(robot, "#noticeLabel").contains("sweep ended: ") && text(robot, "#noticeLabel").contains(" of 2 trials completed"),
                text(robot, "#noticeLabel") + " " + trials);
        assertEquals("now: idle", text(robot, "#activityLabel"));
        assertFalse(fx(() -> ((Button) robot.lookup("#trainButton").query()).isDisabled()));
    }

    @Test
    void openingAnotherRunResetsTheGatingFiltersAndABaselineSaysWhyItHasNoFigure3(FxRobot robot) throws Exception {
        Path iib = fixtureCopy("20261201-115113-fixture-iibalance");
        Path joint = fixtureCopy("20261201-115118-fixture-joint");
        fx(() -> {
            vm.open(RunSummary.open(iib));
            return null;
        });
        assertTrue(fx(() -> view.budgetView().barsPane().isVisible()), "IIBalance has a prior and fusion weights to draw");
        TableView<GatingTable.Row> gating = robot.lookup("#gatingTable").queryTableView();
        int all = fx(() -> gating.getItems().size());
        fx(() -> {
            vm.gating().classFilterProperty().set(3);
            vm.gating().misclassifiedOnlyProperty().set(true);
            return null;
        });
        assertTrue(fx(() -> gating.getItems().size()) < all);
        assertTrue(text(robot, "#gatingStatus").contains("shown by the filters"), text(robot, "#gatingStatus"));

        fx(() -> {
            vm.open(RunSummary.open(joint));
            return null;
        });
        int jointRows = RunSummary.open(joint).gating().rows().size();
        assertEquals(jointRows, fx(() -> gating.getItems().size()), "every clip of the newly opened run is shown");
        assertEquals(-1, fx(() -> vm.gating().classFilterProperty().get()));
        assertFalse(fx(() -> vm.gating().misclassifiedOnlyProperty().get()));
        assertEquals("all classes", fx(() -> ((javafx.scene.control.ComboBox<?>) robot.lookup("#classFilter").query()).getSelectionModel().getSelectedItem()));
        assertFalse(text(robot, "#gatingStatus").contains("shown by the filters"), text(robot, "#gatingStatus"));

        // the baseline's Budgets tab: a sentence instead of "B=- beta=-" and empty charts
        robot.clickOn(robot.lookup(".tab").nth(2).queryAs(Node.class));
        String summary = text(robot, "#budgetSummary");
        assertTrue(summary.startsWith("joint has no IIB prior"), summary);
        assertFalse(summary.contains("B=-"), summary);
        assertFalse(fx(() -> view.budgetView().barsPane().isVisible()));
        assertFalse(fx(() -> view.budgetView().histogramPane().isVisible()));
    }

    @Test
    void theMainControlsShowTheirWholeTextAt1280x820And1024x700(FxRobot robot) throws Exception {
        Path iib = fixtureCopy("20261201-115113-fixture-iibalance");
        fx(() -> {
            vm.open(RunSummary.open(iib));
            vm.setup().set("dataset.synthetic.noisyAudioFraction", "0.3"); // the "(defaults + 1 edit)" label
            return null;
        });
        for (double[] size : new double[][] {{1280, 820}, {1024, 700}}) {
            fx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (int tab = 0; tab < 4; tab++) {
                robot.clickOn(robot.lookup(".tab").nth(tab).queryAs(Node.class));
                WaitForAsyncUtils.waitForFxEvents();
                List<String> cut = fx(() -> {
                    List<String> out = new ArrayList<>();
                    collectCut(view.getTop(), out, false);
                    collectCut(view.tabs().getSelectionModel().getSelectedItem().getContent(), out, false);
                    return out;
                });
                assertTrue(cut.isEmpty(), "cut off at " + (int) size[0] + "x" + (int) size[1] + " on tab " + tab + ": " + cut);
            }
        }
    }

    /**
     * Visible labeled controls whose shown text is not their whole text: buttons, check boxes, labels
     * without a tooltip, and every cell of the key column of the configuration sheet.
     */
    private static void collectCut(Node n, List<String> out, boolean inKeyColumn) {
        if (n == null || !n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getScene() != null) {
            boolean keyCell = l instanceof TableCell<?, ?> c && c.getTableColumn() != null && "key".equals(c.getTableColumn().getText())
                    && c.getTableView() != null && "configTable".equals(c.getTableView().getId());
            boolean mustBeWhole = keyCell || (!(l instanceof TableCell<?, ?>) && (l.getTooltip() == null || l instanceof Button));
            Node shown = l.lookup(".text");
            if (mustBeWhole && shown instanceof javafx.scene.text.Text t && l.getWidth() > 0 && !t.getText().replace("\n", " ").equals(l.getText().replace("\n", " "))
                    && !l.isWrapText()) {
                out.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + " shows '" + t.getText() + "' of '" + l.getText() + "'");
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collectCut(c, out, inKeyColumn);
    }
}
