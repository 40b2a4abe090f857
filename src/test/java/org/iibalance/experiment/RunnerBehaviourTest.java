package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's contracts: run folder files, repeatability, cancel and resume, divergence. */
class RunnerBehaviourTest {

    @Test
    void completedRunWritesTheRunFolderContract(@TempDir Path runs) throws Exception {
        List<TrainingEvent> events = new ArrayList<>();
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "iibalance")).optListener(events::add).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        Path dir = o.runDir();
        assertTrue(dir.getFileName().toString().matches("\\d{8}-\\d{6}-test-iibalance"), dir.toString());
        // config.yaml: the resolved configuration, readable back to the same record
        ExperimentConfig back = ConfigIO.load(dir.resolve("config.yaml"), List.of());
        assertEquals(TestConfigs.tiny(runs, "iibalance"), back);
        assertTrue(Files.readString(dir.resolve("config.yaml")).contains("libtorch"), "provenance header");
        // results.json keys of DESIGN.md
        RunResults r = RunResults.read(dir.resolve("results.json"));
        for (String k : List.of("method", "dataset", "seed", "test.accMultimodal", "test.accAudio", "test.accVisual", "test.accAvg",
                "budget.entropyScore.audio", "budget.entropyScore.visual", "budget.beta.audio", "budget.beta.visual", "budget.anchor",
                "fusionWeightMean.audio", "fusionWeightMean.visual", "trainSeconds", "test.unimodalProtocol")) {
            assertTrue(r.asMap().containsKey(k), "results.json lacks " + k);
        }
        assertEquals(1.0, r.number("budget.beta.audio") + r.number("budget.beta.visual"), 1e-9);
        assertEquals(1.0, r.number("fusionWeightMean.audio") + r.number("fusionWeightMean.visual"), 1e-6);
        assertEquals((r.number("test.accMultimodal") + r.number("test.accAudio") + r.number("test.accVisual")) / 3, r.number("test.accAvg"), 1e-12);
        // metrics.csv: header with lambda, L_I, L_II; step rows and epoch rows
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"), StandardCharsets.UTF_8);
        assertTrue(metrics.get(0).startsWith("epoch,step,phase,lambda,L_I,L_II,loss,weight_audio,weight_visual,valAcc_multimodal"), metrics.get(0));
        assertEquals(3, metrics.stream().filter(l -> l.split(",")[2].equals("epoch")).count());
        assertTrue(metrics.stream().anyMatch(l -> l.split(",")[2].equals("step")));
        assertTrue(metrics.stream().anyMatch(l -> l.split(",")[2].equals("budget:visual")));
        // the budget curve: every budget row has its validation loss and accuracy; results.json the figures of the kept epoch
        int valLoss = List.of(metrics.get(0).split(",")).indexOf("valLoss");
        List<String[]> budgetRows = metrics.stream().map(l -> l.split(",", -1)).filter(c -> c[2].startsWith("budget:")).toList();
        assertTrue(valLoss > 0 && budgetRows.stream().allMatch(c -> Double.parseDouble(c[valLoss]) > 0 && Double.parseDouble(c[9]) >= 0), metrics.get(0));
        assertEquals(budgetRows.size(), (int) (r.number("pretraining.audio.epochs") + r.number("pretraining.visual.epochs")));
        assertEquals("all", r.text("pretraining.mode"));
        assertEquals(0.07, r.number("budget.tau"), 1e-12);
        // gating.csv: one row per test clip, weights summing to one
        List<String> gating = Files.readAllLines(dir.resolve("gating.csv"));
        assertEquals("id,label,prediction,correct,weight_audio,weight_visual,u_audio,u_visual,prediction_audio,prediction_visual", gating.get(0));
        assertEquals(48 + 1, gating.size());
        String[] row = gating.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(row[4]) + Double.parseDouble(row[5]), 1e-5);
        assertEquals("completed", RunFolder.readState(dir).label());
        // events: phases in order and a final Finished
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Finished);
        assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.BudgetEstimated));
        assertEquals(3, events.stream().filter(e -> e instanceof TrainingEvent.EpochCompleted).count());
        assertTrue(Files.exists(dir.resolve("checkpoints/last/model.pt")));
        assertTrue(Files.exists(dir.resolve("checkpoints/best/model.pt")));
    }

    @Test
    void sameSeedGivesTheSameNumbers(@TempDir Path runs) throws Exception {
        RunOutcome a = new ExperimentRunner(TestConfigs.tiny(runs.resolve("a"), "iibalance")).run();
        RunOutcome b = new ExperimentRunner(TestConfigs.tiny(runs.resolve("b"), "iibalance")).run();
        assertEquals(lossColumns(a.runDir()), lossColumns(b.runDir()));
        assertEquals(a.results().number("test.accMultimodal"), b.results().number("test.accMultimodal"));
        assertEquals(a.results().number("budget.beta.audio"), b.results().number("budget.beta.audio"));
        assertEquals(Files.readString(a.runDir().resolve("gating.csv")), Files.readString(b.runDir().resolve("gating.csv")));
        // and another seed gives other numbers
        RunOutcome c = new ExperimentRunner(TestConfigs.tiny(runs.resolve("c"), "iibalance", "seed=7")).run();
        assertNotEquals(lossColumns(a.runDir()), lossColumns(c.runDir()));
    }

    @Test
    void cancelledRunIsMarkedAndResumesToTheUninterruptedResult(@TempDir Path runs) throws Exception {
        ExperimentConfig cfg = TestConfigs.tiny(runs.resolve("full"), "iibalance", "training.epochs=4");
        RunOutcome full = new ExperimentRunner(cfg).run();
        assertEquals(RunState.COMPLETED, full.state());

        CancellationToken cancel = new CancellationToken();
        List<TrainingEvent> events = new ArrayList<>();
        ExperimentConfig cfg2 = TestConfigs.tiny(runs.resolve("stopped"), "iibalance", "training.epochs=4");
        RunOutcome stopped = new ExperimentRunner(cfg2).optCancellation(cancel).optListener(e -> {
            events.add(e);
            // cancel in the middle of epoch 3
            if (e instanceof TrainingEvent.StepCompleted s && "train".equals(s.phase()) && s.epoch() == 3 && s.step() == 2) cancel.cancel();
        }).run();
        assertEquals(RunState.CANCELLED, stopped.state());
        assertEquals("cancelled", RunFolder.readState(stopped.runDir()).label());
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Cancelled);
        assertFalse(Files.exists(stopped.runDir().resolve("results.json")), "no results for a cancelled run");
        assertTrue(Files.exists(stopped.runDir().resolve("checkpoints/last/model.pt")), "the last complete epoch is kept");

        RunOutcome resumed = ExperimentRunner.resume(stopped.runDir()).run();
        assertEquals(RunState.COMPLETED, resumed.state(), resumed.reason());
        assertEquals(stopped.runDir(), resumed.runDir());
        assertEquals(lossColumns(full.runDir()), lossColumns(resumed.runDir()));
        assertEquals(full.results().number("test.accMultimodal"), resumed.results().number("test.accMultimodal"));
        assertEquals(Files.readString(full.runDir().resolve("gating.csv")), Files.readString(resumed.runDir().resolve("gating.csv")));
        // a completed run cannot be resumed again
        assertThrows(ConfigException.class, () -> ExperimentRunner.resume(resumed.runDir()));
    }

    @Test
    void nonFiniteLossStopsTheRunAsDivergedWithAReason(@TempDir Path runs) throws Exception {
        List<TrainingEvent> events = new ArrayList<>();
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "joint", "training.lr=1e30", "training.optimizer=sgd")).optListener(events::add).run();
        assertEquals(RunState.DIVERGED, o.state());
        assertTrue(o.reason().contains("NaN") || o.reason().contains("infinite"), o.reason());
        assertTrue(o.reason().contains("training.lr"), "says what to do: " + o.reason());
        assertEquals("diverged", RunFolder.readState(o.runDir()).label());
        assertTrue(RunFolder.readReason(o.runDir()).contains("epoch"));
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Failed f && f.diverged());
    }

    /** The metrics rows without the timing columns (clips/s, elapsed): what must repeat exactly. */
    static List<String> lossColumns(Path runDir) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(runDir.resolve("metrics.csv"))) {
            String[] c = l.split(",", -1);
            out.add(String.join(",", java.util.Arrays.copyOf(c, c.length - 2)));
        }
        return out;
    }
}
