package org.iibalance.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.iibalance.gui.training.RunStatus;
import org.iibalance.run.GatingTable;
import org.iibalance.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.iibalance.gui.GuiFixture.fx;
import static org.iibalance.gui.GuiFixture.fxRun;
import static org.iibalance.gui.GuiFixture.text;
import static org.iibalance.gui.GuiFixture.waitFor;

/**
 * The workbench's status, filters, baseline panels and layout, driven headless (Monocle) as a user
 * would, at the default 1280 x 820 and at 1024 x 700.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchStatusGuiTest {
    @TempDir
    static Path runs;

    @RegisterExtension
    final GuiFixture gui = new GuiFixture(); // cancels what still trains after each test
    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        gui.start(stage, Files.createTempDirectory(runs, "runs"));
        vm = gui.vm;
        view = gui.view;
        this.stage = stage;
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

    /** The legend entries of the Training tab's loss chart. */
    private List<String> lossLegend() throws Exception {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            var items = view.trainingView().lossPane().viewer().getChart().getXYPlot().getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
            return out;
        });
    }

    @Test
    void statusStaysTruthfulThroughACancelAnExportAndASweep(FxRobot robot) throws Exception {
        // idle: the state and the device, no empty fields
        assertEquals("idle | device cpu", text(robot, "#statusLabel"));
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
        assertEquals(List.of("total", "L_I", "L_II"), lossLegend(), "IIBalance logs both stage losses");
        String running = text(robot, "#statusLabel");
        assertTrue(running.startsWith("running | device cpu | train epoch ") && running.contains(" clips/s | elapsed ") && running.contains(" | ETA "), running);
        robot.clickOn("#cancelButton");
        waitFor(90, () -> fx(() -> vm.training().statusProperty().get() == RunStatus.CANCELLED));
        waitFor(10, () -> text(robot, "#noticeLabel").contains("cancelled by the user after"));
        assertEquals("run: cancelled", text(robot, "#runState"));
        assertEquals("now: idle", text(robot, "#activityLabel"));
        String cancelled = text(robot, "#statusLabel");
        assertTrue(cancelled.startsWith("cancelled | device cpu | train epoch ") && !cancelled.contains("ETA") && !cancelled.contains("|  |"), cancelled);

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
        // the fixture's budget scores are small (0.004223, 0.003213): their digits, not "B=0.004"
        String iibSummary = fx(() -> vm.training().budget().summaryProperty().get());
        assertTrue(iibSummary.contains("audio: B=4.22e-03  beta=0.504") && iibSummary.contains("visual: B=3.21e-03  beta=0.496"), iibSummary);
        TableView<GatingTable.Row> gating = robot.lookup("#gatingTable").queryTableView();
        int all = fx(() -> gating.getItems().size());
        fx(() -> {
            vm.gating().classFilterProperty().set(3);
            vm.gating().misclassifiedOnlyProperty().set(true);
            return null;
        });
        assertTrue(fx(() -> gating.getItems().size()) < all);
        assertTrue(text(robot, "#gatingStatus").contains("shown by the filters"), text(robot, "#gatingStatus"));
        // the CSV export of the shown clips: gating.csv's own header and its lines, unrounded (6 decimals)
        Path export = Files.createTempDirectory(runs, "export").resolve("gating-export.csv");
        List<String> shownIds = fx(() -> gating.getItems().stream().map(GatingTable.Row::id).toList());
        fx(() -> {
            vm.gating().export(List.copyOf(gating.getItems()), export);
            return null;
        });
        List<String> original = Files.readAllLines(iib.resolve("gating.csv"));
        List<String> exported = Files.readAllLines(export);
        assertEquals(original.get(0), exported.get(0), "the same columns as gating.csv");
        List<String> expectedLines = original.stream().skip(1).filter(l -> shownIds.contains(l.substring(0, l.indexOf(',')))).toList();
        assertEquals(expectedLines, exported.subList(1, exported.size()));
        assertTrue(exported.get(1).matches(".*,0\\.\\d{6},.*"), exported.get(1));

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
    void aBaselineRunShowsOnlyWhatItsMethodLogsAndSaysWhy(FxRobot robot) throws Exception {
        fxRun(() -> {
            vm.setup().apply(Tiny.config(vm.runs().runsDirProperty().get()));
            vm.setup().apply(List.of("method.name=joint", "training.epochs=1"));
        });
        robot.clickOn("#trainButton");
        waitFor(300, () -> fx(() -> !vm.training().statusProperty().get().active()));
        assertEquals(RunStatus.COMPLETED, fx(() -> vm.training().statusProperty().get()), fx(() -> vm.training().messageProperty().get()));
        // the legend comes from what the method logs (its Capabilities): no empty L_I / L_II entries
        assertEquals(List.of("total"), lossLegend());
        assertTrue(fx(() -> vm.training().lossPoints()) > 0, "the total loss was drawn");
        assertTrue(text(robot, "#lossExplanation").startsWith("joint has no Stage I / Stage II losses"), text(robot, "#lossExplanation"));
        assertTrue(text(robot, "#lambdaExplanation").startsWith("joint has no \u03bb(t) schedule"), text(robot, "#lambdaExplanation"));
        assertTrue(text(robot, "#budgetExplanation").startsWith("joint has no budget phase"), text(robot, "#budgetExplanation"));
        assertFalse(fx(() -> view.trainingView().lambdaPane().isVisible()), "no empty lambda(t) chart");
        assertFalse(fx(() -> view.trainingView().budgetModelsPane().isVisible()), "no empty budget-models chart");
        // its Budgets tab, live from the run just ended: a sentence, not "B=- beta=-"
        robot.clickOn(robot.lookup(".tab").nth(2).queryAs(Node.class));
        String summary = text(robot, "#budgetSummary");
        assertTrue(summary.startsWith("joint has no IIB prior"), summary);
        assertFalse(summary.contains("B=-"), summary);
        assertFalse(fx(() -> view.budgetView().barsPane().isVisible()));
    }

    @Test
    void aBaselinesControlSignalIsDrawnWhereLambdaWouldBe(FxRobot robot) throws Exception {
        // OGM-GE has no lambda(t); its k_m per modality (metrics.csv's ctrl_k_*) takes the lambda chart's slot
        fxRun(() -> {
            vm.setup().apply(Tiny.config(vm.runs().runsDirProperty().get()));
            vm.setup().apply(List.of("method.name=ogm-ge"));
        });
        robot.clickOn("#trainButton");
        waitFor(300, () -> fx(() -> !vm.training().statusProperty().get().active()));
        assertEquals(RunStatus.COMPLETED, fx(() -> vm.training().statusProperty().get()), fx(() -> vm.training().messageProperty().get()));
        org.iibalance.gui.util.ChartPane control = robot.lookup("#controlChart").query();
        assertTrue(fx(() -> org.iibalance.gui.util.ChartRefresher.showing(control)), "the control chart is on screen");
        assertFalse(fx(() -> view.trainingView().lambdaPane().isVisible()), "no empty lambda(t) chart under it");
        assertTrue(text(robot, "#lambdaExplanation").contains("Drawn instead: its own control signal per epoch"), text(robot, "#lambdaExplanation"));
        List<String> legend = fx(() -> {
            List<String> out = new ArrayList<>();
            var items = control.viewer().getChart().getXYPlot().getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
            return out;
        });
        assertEquals(List.of("ctrl_k_audio", "ctrl_k_visual"), legend);
        // the chart's points are the run's metrics.csv epoch rows (to their 6 significant digits)
        List<org.iibalance.run.MetricsTable.Row> rows = RunSummary.open(fx(() -> vm.training().runDirProperty().get())).metrics()
                .rows(org.iibalance.run.MetricsTable.Kind.EPOCH);
        assertEquals(2, rows.size());
        org.jfree.data.xy.XYDataset d = fx(() -> control.viewer().getChart().getXYPlot().getDataset());
        for (int series = 0; series < 2; series++) {
            String name = legend.get(series);
            assertEquals(rows.size(), d.getItemCount(series), name);
            for (int e = 0; e < rows.size(); e++) {
                double csv = rows.get(e).extras().get(name);
                assertEquals(rows.get(e).epoch(), d.getXValue(series, e), 0);
                assertEquals(csv, d.getYValue(series, e), 5e-6 * Math.abs(csv), name + " epoch " + rows.get(e).epoch());
            }
        }
    }

    @Test
    void theMainControlsShowTheirWholeTextAt1280x820And1024x700(FxRobot robot) throws Exception {
        Path iib = fixtureCopy("20261201-115113-fixture-iibalance");
        fxRun(() -> {
            try {
                vm.open(RunSummary.open(iib));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            vm.setup().set("dataset.synthetic.noisyAudioFraction", "0.3"); // the "(defaults + 1 edit)" label
            vm.setup().set("method.tau", "-1"); // a problem in the sheet: wraps above the description
            // sweep trials named as SweepSpec names them (the longest of a 2-key grid)
            vm.sweep().rows().setAll(new org.iibalance.gui.sweep.SweepRow(0, "000-method.tau=0.05-method.gamma=0.5-seed1", List.of("0.05", "0.5"), 1,
                    "completed", 0.91, 0.9, true), new org.iibalance.gui.sweep.SweepRow(1, "001-method.tau=0.1-method.gamma=0.5-seed1",
                    List.of("0.1", "0.5"), 1, "completed", 0.88, 0.87, false));
        });
        assertEquals("(defaults + 2 edits, unsaved)", text(robot, "#loadedLabel"));
        // a selected clip fills the inspector's middle column (title, frames, probability table)
        TableView<GatingTable.Row> gating = robot.lookup("#gatingTable").queryTableView();
        fxRun(() -> gating.getSelectionModel().select(0));
        waitFor(120, () -> fx(() -> vm.gating().detailProperty().get() != null && vm.gating().detailProperty().get().frames() != null));
        for (double[] size : new double[][] {{1280, 820}, {1024, 700}}) {
            fxRun(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(size[0], fx(() -> view.getWidth()), 1.0, "the window took the size");
            for (int tab = 0; tab < 7; tab++) {
                robot.clickOn(robot.lookup(".tab").nth(tab).queryAs(Node.class));
                WaitForAsyncUtils.waitForFxEvents();
                List<String> cut = fx(() -> {
                    List<String> out = new ArrayList<>();
                    collectCut(view.getTop(), out);
                    collectCut(view.getBottom(), out);
                    collectCut(view.tabs().getSelectionModel().getSelectedItem().getContent(), out);
                    return out;
                });
                String name = fx(() -> view.tabs().getTabs().get(view.tabs().getSelectionModel().getSelectedIndex()).getText());
                assertTrue(cut.isEmpty(), "cut off at " + (int) size[0] + "x" + (int) size[1] + " on " + name + ": " + cut);
            }
        }
        // and it really looked: the trial names and the sheet's wrapped problem were on screen
        fxRun(() -> view.tabs().getSelectionModel().select(0));
        robot.clickOn("#sheetFilter").write("METHOD.TAU"); // the filter ignores case
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> robot.lookup("#problemText").queryAll().stream()
                .anyMatch(t -> t.isVisible() && t.getScene() != null && ((javafx.scene.text.Text) t).getText().contains("budget temperature"))),
                "the sheet shows method.tau's problem");
        List<String> cut = fx(() -> {
            List<String> out = new ArrayList<>();
            collectCut(view.setupView(), out);
            return out;
        });
        assertTrue(cut.isEmpty(), "the row with a problem is cut: " + cut);
        fxRun(() -> view.tabs().getSelectionModel().select(4));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> robot.lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(c -> "000-method.tau=0.05-method.gamma=0.5-seed1".equals(c.getText()) && c.isVisible())), "the trial names are on screen");
    }

    /** Tables whose every cell must show its text whole (their columns fit their content). */
    private static final java.util.Set<String> WHOLE_TABLES = java.util.Set.of("runsTable", "sweepTable", "gatingTable");

    /**
     * Visible labeled controls whose shown text is not their whole text (ellipsised, also when wrapped
     * into too little height): buttons, check boxes, labels without a tooltip (and the status line),
     * table headers, every cell of the config sheet's key column and of the runs, sweep and gating
     * tables; and wrapped cells (the sheet's descriptions and problems) taller than their row.
     */
    private static void collectCut(Node n, List<String> out) {
        if (n == null || !n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getScene() != null) {
            TableCell<?, ?> cell = l instanceof TableCell<?, ?> c ? c : null;
            String table = cell == null || cell.getTableView() == null ? null : cell.getTableView().getId();
            boolean keyCell = cell != null && cell.getTableColumn() != null && "key".equals(cell.getTableColumn().getText()) && "configTable".equals(table);
            boolean mustBeWhole = keyCell || (cell != null && WHOLE_TABLES.contains(table))
                    || (cell == null && (l.getTooltip() == null || l instanceof Button || "statusLabel".equals(l.getId())));
            // the labeled's own text node (a direct child: lookup would find a graphic's, e.g. a check box cell's box)
            Node shown = l.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text && c.getStyleClass().contains("text"))
                    .findFirst().orElse(null);
            if (mustBeWhole && shown instanceof javafx.scene.text.Text t && l.getWidth() > 0
                    && !t.getText().replace("\n", " ").equals(l.getText().replace("\n", " "))) {
                out.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + " shows '" + t.getText() + "' of '" + l.getText() + "'");
            }
        }
        if (n instanceof TableCell<?, ?> c && c.getGraphic() != null && c.isVisible() && c.getWidth() > 0
                && c.getHeight() + 0.5 < c.getGraphic().prefHeight(-1)) {
            out.add("a wrapped cell of " + c.getTableView().getId() + " is " + c.getHeight() + " px high for " + c.getGraphic().prefHeight(-1) + " px of text");
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collectCut(c, out);
    }
}
