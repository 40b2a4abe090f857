package org.iibalance.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.experiment.TrainingEvent;
import org.iibalance.gui.training.RunStatus;
import org.iibalance.gui.util.CurrentThreadTaskExecutor;
import org.iibalance.gui.util.Smoothing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-models without a screen, with a synchronous executor. */
class WorkbenchViewModelTest {

    @Test
    void smoothingIsTensorBoardsBiasCorrectedEma() {
        double[] s = Smoothing.smooth(new double[] {1, 2, 3}, 0.5);
        assertEquals(1.0, s[0], 1e-12); // first point is unbiased
        assertEquals((0.25 + 0.5 * 2) / 0.75, s[1], 1e-12);
        double[] c = Smoothing.smooth(new double[] {4, 4, 4, 4}, 0.9);
        for (double v : c) assertEquals(4, v, 1e-9); // a constant stays constant
    }

    @Test
    void invalidTauGivesTheCliMessageAndRefusesTraining(@TempDir Path runs) {
        WorkbenchViewModel vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), runs);
        assertTrue(vm.canTrainProperty().get());
        assertTrue(vm.setup().entry("method.tau").description().contains("Eq. 2"), "the sheet describes each key");
        assertTrue(vm.setup().entry("method.tau").description().contains("allowed: > 0"), vm.setup().entry("method.tau").description());
        vm.setup().set("method.tau", "-1");
        assertFalse(vm.canTrainProperty().get());
        assertTrue(vm.setup().entry("method.tau").problemProperty().get().contains("must be > 0"), vm.setup().entry("method.tau").problemProperty().get());
        assertTrue(vm.setup().problemsTextProperty().get().startsWith("method.tau: "));
        vm.setup().set("method.tau", "abc");
        assertTrue(vm.setup().problemsTextProperty().get().contains("method.tau: cannot be read as a number"), vm.setup().problemsTextProperty().get());
        vm.setup().set("method.tau", "0.1");
        assertTrue(vm.canTrainProperty().get());
        // no file loaded: the command spells out every key that differs from the defaults (the runs directory too)
        assertTrue(vm.setup().cliCommand().contains(" --set method.tau=0.1"), vm.setup().cliCommand());
        assertTrue(vm.setup().cliCommand().contains(" --set output.runsDir=" + runs.toAbsolutePath()), vm.setup().cliCommand());
    }

    @Test
    void synchronousTrainingFillsCurvesBudgetGatingAndRuns(@TempDir Path runs) throws Exception {
        WorkbenchViewModel vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), runs);
        vm.setup().apply(Tiny.config(runs));
        assertTrue(vm.canTrainProperty().get(), vm.setup().problemsTextProperty().get());
        vm.train(); // runs to the end on this thread; the run's end drains the queue
        assertEquals(RunStatus.COMPLETED, vm.training().statusProperty().get(), vm.training().messageProperty().get());
        assertTrue(vm.training().lossPoints() >= 4, "loss points: " + vm.training().lossPoints());
        vm.training().syncDisplays(); // what the GUI's chart refresher does while the chart is shown
        assertEquals(2, vm.training().accuracyData().getSeries(0).getItemCount());
        assertEquals(vm.training().lossPoints(), vm.training().lossPointsShown());
        Path csv = runs.resolve("losses.csv");
        vm.training().exportLosses(csv);
        assertEquals(1 + 3 * vm.training().lossPoints(), Files.readAllLines(csv).size(), "every point of the three curves");
        assertEquals(2, vm.training().budget().prior().length);
        assertTrue(vm.training().budget().weights().containsKey("test"));
        assertEquals(32, vm.gating().rows().size());
        vm.gating().misclassifiedOnlyProperty().set(true);
        assertTrue(vm.gating().filteredRows().stream().noneMatch(r -> r.correct()));
        List<org.iibalance.run.RunSummary> found = vm.runs().scan(runs);
        assertEquals(1, found.size());
        assertEquals(org.iibalance.run.RunState.COMPLETED, found.get(0).state().state());
        assertTrue(found.get(0).results().accMultimodal() >= 0 && found.get(0).results().accMultimodal() <= 1);
        // the device is the typed one the run reported, and the lambda(t) chart follows the method's capabilities
        assertEquals("cpu", vm.training().deviceProperty().get());
        assertTrue(vm.training().lambdaData().getSeries(0).getItemCount() > 0, "IIBalance has a lambda(t) schedule");
        // validation accuracy per modality: one series each, named after the run's modalities
        assertEquals(List.of("val Acc_m", "val Acc_audio", "val Acc_visual"),
                vm.training().accuracyData().getSeries().stream().map(s -> ((org.jfree.data.xy.XYSeries) s).getKey().toString()).toList());
        assertTrue(Files.exists(vm.training().runDirProperty().get().resolve("gating.csv")));
    }

    @Test
    void aBaselinesControlSignalFromMetricsCsvTakesTheLambdaSlot(@TempDir Path runs) throws Exception {
        // OGM-GE has no lambda(t); it logs k_m per modality (ctrl_k_audio, ctrl_k_visual) on its epoch rows
        WorkbenchViewModel vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), runs);
        List<String> tiny = new ArrayList<>(Tiny.config(runs));
        tiny.add("method.name=ogm-ge");
        vm.setup().apply(tiny);
        vm.train();
        assertEquals(RunStatus.COMPLETED, vm.training().statusProperty().get(), vm.training().messageProperty().get());
        assertFalse(vm.training().capabilitiesProperty().get().lambdaSchedule());
        assertEquals(List.of("ctrl_k_audio", "ctrl_k_visual"), List.copyOf(vm.training().controlNames()));
        org.iibalance.run.MetricsTable m = org.iibalance.run.RunSummary.open(vm.training().runDirProperty().get()).metrics();
        List<org.iibalance.run.MetricsTable.Row> epochs = m.rows(org.iibalance.run.MetricsTable.Kind.EPOCH);
        assertEquals(2, epochs.size());
        for (String name : List.of("ctrl_k_audio", "ctrl_k_visual")) {
            org.jfree.data.xy.XYSeries k = vm.training().controlData().getSeries(name);
            assertEquals(2, k.getItemCount(), name + ": one point per epoch, the last one included");
            for (int e = 0; e < 2; e++) {
                assertEquals(epochs.get(e).epoch(), k.getX(e).doubleValue(), 0);
                // the series has the loop's value; metrics.csv holds it to 6 significant digits (%.6g)
                double csv = epochs.get(e).extras().get(name);
                assertEquals(csv, k.getY(e).doubleValue(), 5e-6 * Math.abs(csv), name + " epoch " + (e + 1) + ": the value of metrics.csv");
            }
        }
        // an IIBalance run after it clears them: it has lambda(t) instead
        vm.setup().set("method.name", "iibalance");
        vm.train();
        assertTrue(vm.training().controlNames().isEmpty());
        assertEquals(0, vm.training().controlData().getSeriesCount());
    }

    private static TrainingEvent.EpochCompleted epoch(int e, java.util.Map<String, Double> control) {
        return new TrainingEvent.EpochCompleted(e, 3, Double.NaN, 1, Double.NaN, Double.NaN, null, 0.5, new double[] {0.4, 0.6}, null, control, 100, false, e, 1);
    }

    @Test
    void controlSignalsArriveWithTheEpochEventsInColumnOrder(@TempDir Path runs) {
        // no run folder at all: the values travel in the events (nothing re-reads metrics.csv)
        WorkbenchViewModel vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), runs);
        java.util.Map<String, Double> first = new java.util.LinkedHashMap<>();
        first.put("ctrl_k_audio", Double.NaN); // no value yet: no series yet
        first.put("ctrl_k_visual", 0.8);
        java.util.Map<String, Double> second = new java.util.LinkedHashMap<>();
        second.put("ctrl_k_audio", 0.5);
        second.put("ctrl_k_visual", 0.9);
        vm.training().apply(List.of(new TrainingEvent.TrainingStarted("ogm-ge", "cpu", 3, List.of("audio", "visual"), org.iibalance.run.Capabilities.NONE, 0),
                epoch(1, first)));
        assertEquals(List.of("ctrl_k_visual"), List.copyOf(vm.training().controlNames()));
        assertTrue(vm.training().controlFeed().dirty());
        vm.training().apply(List.of(epoch(2, second)));
        assertEquals(List.of("ctrl_k_audio", "ctrl_k_visual"), List.copyOf(vm.training().controlNames()), "the columns' order, not the order of arrival");
        org.jfree.data.xy.XYSeries audio = vm.training().controlData().getSeries(0), visual = vm.training().controlData().getSeries(1);
        assertEquals("ctrl_k_audio", audio.getKey());
        assertEquals(1, audio.getItemCount());
        assertEquals(2, audio.getX(0).doubleValue(), 0);
        assertEquals(0.5, audio.getY(0).doubleValue(), 0);
        assertEquals(2, visual.getItemCount());
        assertEquals(0.8, visual.getY(0).doubleValue(), 0);
        assertEquals(0.9, visual.getY(1).doubleValue(), 0);
        // a method with lambda(t) draws that instead: its control values (if any) are not drawn
        vm.training().apply(List.of(new TrainingEvent.TrainingStarted("iibalance", "cpu", 3, List.of("audio", "visual"),
                new org.iibalance.run.Capabilities(true, true, true, true, true), 0), epoch(3, second)));
        assertEquals(2, visual.getItemCount());
    }

    @Test
    void longRunsKeepEveryLossPointButDrawABoundedNumber(@TempDir Path runs) {
        WorkbenchViewModel vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), runs);
        List<TrainingEvent> steps = new ArrayList<>();
        for (int i = 1; i <= 30_000; i++) {
            steps.add(new TrainingEvent.StepCompleted(org.iibalance.run.TrainingPhase.TRAIN, 1 + i / 10_000, 3, i % 10_000, 10_000, i, 0.5, 1.0 / i, 0.5, 1.0 / i + 0.5, null, 100, i, 10));
        }
        vm.training().apply(steps);
        assertTrue(vm.training().lossFeed().dirty());
        assertEquals(0, vm.training().lossPointsShown(), "nothing drawn before the refresher asks");
        vm.training().syncDisplays();
        assertEquals(30_000, vm.training().lossPoints());
        assertTrue(vm.training().lossPointsShown() <= 1000, "shown: " + vm.training().lossPointsShown());
        assertEquals(30_000, vm.training().lossData().getSeries(0).getMaxX(), 0, "the drawn curve still reaches the last step");
        vm.training().smoothingProperty().set(0.9);
        assertTrue(vm.training().lossFeed().dirty(), "re-smoothing asks for one redraw");
    }
}
