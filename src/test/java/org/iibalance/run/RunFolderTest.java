package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, writing and reading a run folder: atomic claims, refusals with reasons, CSV cells that need quoting, typed phases. */
class RunFolderTest {

    @Test
    void runsStartedAtOnceGetDistinctFolders(@TempDir Path runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Path>> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) jobs.add(() -> RunFolder.create(runs, "same").dir());
            Set<Path> dirs = new HashSet<>();
            for (Future<Path> f : pool.invokeAll(jobs)) dirs.add(f.get());
            assertEquals(16, dirs.size(), "no two runs share a folder");
            for (Path d : dirs) assertTrue(Files.isDirectory(d) && d.getFileName().toString().matches("\\d{8}-\\d{6}-same(-\\d+)?"), d.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderHoldingARunIsNotClaimedAgain(@TempDir Path tmp) throws Exception {
        RunFolder f = RunFolder.createAt(tmp.resolve("trial"));
        f.writeConfig(ExperimentConfig.defaults(), "test");
        IOException e = assertThrows(IOException.class, () -> RunFolder.createAt(tmp.resolve("trial")));
        assertTrue(e.getMessage().contains("already holds a run"), e.getMessage());
        assertThrows(IOException.class, () -> RunFolder.reopen(tmp), "a folder without a configuration is no run to resume");
        // an empty folder (made by a sweep before the trial started) is fine
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(tmp.resolve("empty"), RunFolder.createAt(tmp.resolve("empty")).dir());
    }

    @Test
    void stateRoundTripsAndBadStateIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        RunFolder f = RunFolder.createAt(tmp.resolve("r"));
        f.writeState(RunState.DIVERGED, "the loss became NaN at epoch 2", 1);
        StateFile s = f.state();
        assertEquals(RunState.DIVERGED, s.state());
        assertEquals("the loss became NaN at epoch 2", s.reason());
        assertEquals(1, s.epochsCompleted());
        assertTrue(Files.readString(f.dir().resolve("state.json")).contains("\"diverged\""));
        Files.writeString(f.dir().resolve("state.json"), "{\"state\": \"exploded\"}");
        IOException e = assertThrows(IOException.class, f::state);
        assertTrue(e.getMessage().contains("state.json") && e.getMessage().contains("'state'"), e.getMessage());
    }

    @Test
    void aResultsFigureOfTheWrongTypeIsRefusedNamingTheKey(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("results.json"), "{\"method\": \"joint\", \"test\": {\"accMultimodal\": \"high\"}}");
        IOException e = assertThrows(IOException.class, () -> RunSummary.results(tmp));
        assertTrue(e.getMessage().contains("test.accMultimodal") && e.getMessage().contains("results.json"), e.getMessage());
    }

    @Test
    void idsWithCommasQuotesLineBreaksAndAccentsRoundTrip(@TempDir Path tmp) throws Exception {
        List<String> ids = List.of("cat/a,b", "cat/say \"hi\"", "dög/Émile", "dög/naïve, \"x\"", "two\nlines", "plain");
        List<GatingTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new GatingTable.Row(ids.get(i), i % 2, 1, i % 2 == 1, Map.of("visual", 0.25, "audio", 0.75), Map.of("visual", 0.5, "audio", 0.125),
                    Map.of("visual", -1, "audio", 0)));
        }
        RunFolder f = RunFolder.createAt(tmp.resolve("r"));
        f.writeGating(new GatingTable(List.of("visual", "audio"), rows)); // any modality order
        f.writePredictions(new PredictionsTable(2, List.of(new PredictionsTable.Row(ids.get(3), "fused", new float[] {0.25f, 0.75f}))));
        f.writeState(RunState.COMPLETED, null, 1);
        GatingTable back = GatingTable.read(f.dir().resolve("gating.csv"));
        assertEquals(List.of("visual", "audio"), back.modalities());
        assertEquals(ids, back.rows().stream().map(GatingTable.Row::id).toList());
        assertEquals(0.25, back.rows().get(0).weight("visual"));
        assertEquals(0.125, back.rows().get(0).u("audio"));
        assertEquals(-1, back.rows().get(0).prediction("visual"));
        assertEquals(0, back.rows().get(0).prediction("audio"));
        assertEquals(Set.of(ids.get(3)), PredictionsTable.read(f.dir().resolve("predictions.csv")).byClip().keySet());
        // an id without special characters is written bare, as before
        assertTrue(Files.readString(f.dir().resolve("gating.csv")).contains("\nplain,1,1,true,"));
    }

    @Test
    void metricsTakeExtraNamedColumnsInTheirDeclaredOrder(@TempDir Path tmp) throws Exception {
        RunFolder f = RunFolder.createAt(tmp.resolve("r"));
        try (MetricsLog log = f.metricsLog(List.of("audio", "visual", "text"), List.of("ratio_audio", "coeff"))) {
            log.open();
            log.row(MetricsTable.Row.budget("text", 1, 2.0, 0.5, 100, 1.5));
            log.row(MetricsTable.Row.step(1, 1, 0.5, 1.0, 2.0, 1.5, Map.of("audio", 0.2, "visual", 0.3, "text", 0.5), 10, 2, Map.of("coeff", 0.75)));
            assertThrows(IllegalArgumentException.class, () -> log.row(MetricsTable.Row.step(1, 2, 0, 0, 0, 0, null, 0, 0, Map.of("nope", 1.0))),
                    "an undeclared extra column is refused");
        }
        List<String> lines = Files.readAllLines(f.dir().resolve("metrics.csv"));
        assertEquals("epoch,step,phase,lambda,L_I,L_II,loss,weight_audio,weight_visual,weight_text,valAcc_multimodal,valAcc_audio,valAcc_visual,"
                + "valAcc_text,clipsPerSec,elapsedSec,ratio_audio,coeff", lines.get(0));
        assertEquals("1,0,budget:text,,,,2.00000,,,,0.500000,,,,100.000,1.50000,,", lines.get(1));
        MetricsTable m = new RunSummary(f.dir(), null, null, null, null).metrics();
        assertEquals(List.of("ratio_audio", "coeff"), m.extraColumns());
        MetricsTable.Row step = m.rows(MetricsTable.Kind.STEP).get(0);
        assertEquals(Map.of("coeff", 0.75), step.extras());
        assertEquals(0.5, step.weights().get("text"));
        // resuming after epoch 0 keeps the budget rows only
        f.truncateMetricsAfterEpoch(0);
        assertEquals(List.of(MetricsTable.Kind.BUDGET), new RunSummary(f.dir(), null, null, null, null).metrics().rows().stream().map(MetricsTable.Row::kind).toList());
    }

    @Test
    void phasesAreTypedAndWrittenAsBefore() {
        assertEquals("budget:audio", TrainingPhase.budget("audio").label());
        assertEquals(TrainingPhase.budget("visual"), TrainingPhase.ofLabel("budget:visual"));
        assertEquals(TrainingPhase.TRAIN, TrainingPhase.ofLabel("train"));
        assertEquals(null, TrainingPhase.ofLabel("budget:"));
        assertThrows(IllegalArgumentException.class, () -> new TrainingPhase(TrainingPhase.Kind.TRAIN, "audio"));
        assertEquals("pretrain:audio", TrainingPhase.pretrain("audio").label());
        assertEquals(TrainingPhase.pretrain("visual"), TrainingPhase.ofLabel("pretrain:visual"));
        assertTrue(TrainingPhase.pretrain("audio").isUnimodal() && !TrainingPhase.pretrain("audio").isBudget());
        assertEquals(null, TrainingPhase.ofLabel("pretrain:"));
    }

    @Test
    void pretrainRowsCarryTheirValidationLossAndSurviveAResume(@TempDir Path tmp) throws Exception {
        RunFolder f = RunFolder.createAt(tmp.resolve("r"));
        try (MetricsLog log = f.metricsLog(List.of("audio", "visual"), List.of("valLoss", "ctrl_k_audio"))) {
            log.open();
            log.row(MetricsTable.Row.unimodal(TrainingPhase.pretrain("audio"), 1, 2.0, 0.5, 100, 1.5, Map.of("valLoss", 1.25)));
            log.row(MetricsTable.Row.epoch(1, 10, Double.NaN, Double.NaN, Double.NaN, 1.0, null, 0.6, null, 10, 3, Map.of("valLoss", 0.5, "ctrl_k_audio", 0.9)));
        }
        List<String> lines = Files.readAllLines(f.dir().resolve("metrics.csv"));
        assertEquals("1,0,pretrain:audio,,,,2.00000,,,0.500000,,,100.000,1.50000,1.25000,", lines.get(1));
        MetricsTable.Row pre = new RunSummary(f.dir(), null, null, null, null).metrics().rows(MetricsTable.Kind.PRETRAIN).get(0);
        assertEquals("audio", pre.budgetModality());
        assertEquals(Map.of("valLoss", 1.25), pre.extras());
        f.truncateMetricsAfterEpoch(0);
        assertEquals(List.of(MetricsTable.Kind.PRETRAIN), new RunSummary(f.dir(), null, null, null, null).metrics().rows().stream().map(MetricsTable.Row::kind).toList());
    }

    @Test
    void budgetTauAndPretrainingRoundTripThroughResultsJson(@TempDir Path tmp) throws Exception {
        Results r = Results.builder().run("ogm-ge", "synthetic-av", 7, "t").budget("audio", null, null).tau(null).pretraining("all", true)
                .pretrained("audio", 5, 3, 0.75, 0.5, true).pretrained("visual", 40, 40, Double.NaN, 0.25, false).build();
        Path file = tmp.resolve("results.json");
        ResultsJson.write(file, r);
        Results back = RunSummary.results(tmp);
        assertEquals("all", back.pretraining().mode());
        assertEquals(Boolean.TRUE, back.pretraining().fusionWarmStart());
        assertEquals(new Results.Curve(5, 3, 0.75, 0.5, true), back.pretraining().models().get("audio"));
        assertEquals(new Results.Curve(40, 40, null, 0.25, false), back.pretraining().models().get("visual"));
        assertEquals(null, back.budget().tau());
        assertFalse(Files.readString(file).contains("\"tau\""), "no tau written for a method without a budget");
        Results iib = Results.builder().run("iibalance", "synthetic-av", 7, "t").budget("audio", 0.4, 0.6).tau(0.07).build();
        ResultsJson.write(file, iib);
        assertEquals(0.07, RunSummary.results(tmp).budget().tau());
        assertFalse(RunSummary.results(tmp).pretraining().present(), "no pretraining block unless recorded");
        Files.writeString(file, "{\"method\": \"joint\", \"pretraining\": {\"mode\": \"all\", \"audio\": {\"converged\": 3}}}");
        IOException e = assertThrows(IOException.class, () -> RunSummary.results(tmp));
        assertTrue(e.getMessage().contains("pretraining.audio.converged"), e.getMessage());
    }

    @Test
    void theScanSkipsCheckpointsAndReportsHalfRuns(@TempDir Path tmp) throws Exception {
        RunFolder a = RunFolder.createAt(tmp.resolve("x/checkpoints-of-nothing/a"));
        a.writeConfig(ExperimentConfig.defaults(), "t");
        a.writeState(RunState.RUNNING, null, 0);
        Files.createDirectories(a.lastCheckpoint());
        Files.writeString(a.lastCheckpoint().resolve("state.json"), "{}");
        RunFolder b = RunFolder.createAt(tmp.resolve("y-sens")); // names play no part
        b.writeConfig(ExperimentConfig.defaults(), "t");
        Files.createDirectories(tmp.resolve("z"));
        Files.writeString(tmp.resolve("z/results.json"), "{}");
        RunScan s = RunScan.of(List.of(tmp, tmp.resolve("missing")));
        assertEquals(List.of(a.dir()), s.runs());
        assertEquals(Set.of(b.dir(), tmp.resolve("z")), s.partial().keySet());
        assertTrue(s.problems().get(tmp.resolve("missing").toString()).contains("not a directory"));
        assertEquals(List.of(), RunScan.of(List.of(tmp), 2).runs(), "a is three levels down");
        try (Stream<Path> all = Files.walk(tmp)) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left behind");
        }
    }

    @Test
    void sensitivityNamingLivesInOnePlace() {
        assertTrue(RunNaming.isSensitivity(RunNaming.sensitivityName("avmnist")));
        assertFalse(RunNaming.isSensitivity("avmnist"));
    }
}
