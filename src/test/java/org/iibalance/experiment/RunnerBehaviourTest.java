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
import org.junit.jupiter.api.Tag;
import org.iibalance.run.Capabilities;
import org.iibalance.run.Results;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.iibalance.run.TrainingPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's contracts: run folder files, repeatability, cancel and resume, divergence. */
@Tag("slow")
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
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("results.json").toFile());
        for (String k : List.of("method", "dataset", "seed", "test.accMultimodal", "test.accAudio", "test.accVisual", "test.accAvg",
                "budget.entropyScore.audio", "budget.entropyScore.visual", "budget.beta.audio", "budget.beta.visual", "budget.anchor",
                "fusionWeightMean.audio", "fusionWeightMean.visual", "trainSeconds", "test.unimodalProtocol", "capabilities.lambdaSchedule")) {
            assertFalse(json.at("/" + k.replace('.', '/')).isMissingNode(), "results.json lacks " + k);
        }
        Results r = RunSummary.results(dir);
        assertEquals(new Capabilities(true, true, true, true, true), r.capabilities(), "IIBalance declares every capability");
        assertEquals(1.0, r.budget().beta().get("audio") + r.budget().beta().get("visual"), 1e-9);
        assertEquals(1.0, r.fusionWeightMean().get("audio") + r.fusionWeightMean().get("visual"), 1e-6);
        assertEquals((r.accMultimodal() + r.accuracy("audio") + r.accuracy("visual")) / 3, r.accAvg(), 1e-12);
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
        assertEquals(budgetRows.size(), (int) (r.pretraining().models().get("audio").epochs() + r.pretraining().models().get("visual").epochs()));
        assertEquals("all", r.pretraining().mode());
        assertEquals(0.07, r.budget().tau(), 1e-12);
        // gating.csv: one row per test clip, weights summing to one
        List<String> gating = Files.readAllLines(dir.resolve("gating.csv"));
        assertEquals("id,label,prediction,correct,weight_audio,weight_visual,u_audio,u_visual,prediction_audio,prediction_visual", gating.get(0));
        assertEquals(48 + 1, gating.size());
        String[] row = gating.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(row[4]) + Double.parseDouble(row[5]), 1e-5);
        assertEquals("completed", org.iibalance.run.RunSummary.stateOf(dir).state().label());
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
        assertEquals(a.results().accMultimodal(), b.results().accMultimodal());
        assertEquals(a.results().budget().beta().get("audio"), b.results().budget().beta().get("audio"));
        assertEquals(Files.readString(a.runDir().resolve("gating.csv")), Files.readString(b.runDir().resolve("gating.csv")));
        // and another seed gives other numbers
        RunOutcome c = new ExperimentRunner(TestConfigs.tiny(runs.resolve("c"), "iibalance", "seed=7")).run();
        assertNotEquals(lossColumns(a.runDir()), lossColumns(c.runDir()));
    }

    /**
     * Also with BatchNorm encoders (1D-CNN audio, ResNet-18 frames at 1/8 width): their running statistics
     * are saved in the checkpoint and restored, in the budget models too, so the resumed run repeats the
     * uninterrupted one exactly.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"conv-small,conv-small", "conv1d,resnet18"})
    void cancelledRunIsMarkedAndResumesToTheUninterruptedResult(String encoders, @TempDir Path runs) throws Exception {
        String[] enc = encoders.split(",");
        String[] extra = {"training.epochs=4", "model.audio.encoder=" + enc[0], "model.visual.encoder=" + enc[1], "model.visual.width=0.125"};
        ExperimentConfig cfg = TestConfigs.tiny(runs.resolve("full"), "iibalance", extra);
        RunOutcome full = new ExperimentRunner(cfg).run();
        assertEquals(RunState.COMPLETED, full.state());

        CancellationToken cancel = new CancellationToken();
        List<TrainingEvent> events = new ArrayList<>();
        ExperimentConfig cfg2 = TestConfigs.tiny(runs.resolve("stopped"), "iibalance", extra);
        RunOutcome stopped = new ExperimentRunner(cfg2).optCancellation(cancel).optListener(e -> {
            events.add(e);
            // cancel in the middle of epoch 3
            if (e instanceof TrainingEvent.StepCompleted s && TrainingPhase.TRAIN.equals(s.phase()) && s.epoch() == 3 && s.step() == 2) cancel.cancel();
        }).run();
        assertEquals(RunState.CANCELLED, stopped.state());
        assertEquals("cancelled", org.iibalance.run.RunSummary.stateOf(stopped.runDir()).state().label());
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Cancelled);
        assertFalse(Files.exists(stopped.runDir().resolve("results.json")), "no results for a cancelled run");
        assertTrue(Files.exists(stopped.runDir().resolve("checkpoints/last/model.pt")), "the last complete epoch is kept");

        RunOutcome resumed = ExperimentRunner.resume(stopped.runDir()).run();
        assertEquals(RunState.COMPLETED, resumed.state(), resumed.reason());
        assertEquals(stopped.runDir(), resumed.runDir());
        assertEquals(lossColumns(full.runDir()), lossColumns(resumed.runDir()));
        assertEquals(full.results().accMultimodal(), resumed.results().accMultimodal());
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
        assertEquals("diverged", org.iibalance.run.RunSummary.stateOf(o.runDir()).state().label());
        assertTrue(RunSummary.stateOf(o.runDir()).reason().contains("epoch"));
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Failed f && f.diverged());
    }

    /** The metrics rows without the timing columns (clips/s, elapsed): what must repeat exactly. */
    static List<String> lossColumns(Path runDir) throws Exception {
        // every column but the two timings (clipsPerSec, elapsedSec), wherever they are: extra columns
        // (valLoss, a method's ctrl_*) come after them
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(runDir.resolve("metrics.csv"));
        List<String> header = java.util.Arrays.asList(lines.get(0).split(",", -1));
        java.util.Set<Integer> timing = java.util.Set.of(header.indexOf("clipsPerSec"), header.indexOf("elapsedSec"));
        for (String l : lines) {
            String[] c = l.split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < c.length; i++) if (!timing.contains(i)) kept.add(c[i]);
            out.add(String.join(",", kept));
        }
        return out;
    }
}
