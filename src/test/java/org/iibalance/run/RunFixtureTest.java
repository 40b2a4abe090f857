package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders written by the code before this package existed ({@code src/test/resources/.../fixture}:
 * a tiny IIBalance run and a tiny joint-training run, seed 5, made with the previous runner) open as
 * typed values, and writing what was read gives the same bytes back: old and new code read each
 * other's folders.
 */
class RunFixtureTest {
    private static final String IIB = "20261201-115113-fixture-iibalance", JOINT = "20261201-115118-fixture-joint";

    static Path fixture() throws URISyntaxException {
        return Path.of(RunFixtureTest.class.getResource("fixture").toURI());
    }

    @Test
    void anOldIIBalanceRunOpensTyped() throws Exception {
        RunSummary s = RunSummary.open(fixture().resolve(IIB));
        assertEquals(RunState.COMPLETED, s.state().state());
        assertEquals(3, s.state().epochsCompleted());
        assertNull(s.state().reason());
        assertEquals("fixture-iibalance", s.config().name());
        assertEquals(5, s.config().seed());
        assertTrue(s.completed());
        Results r = s.results();
        // the numbers of its results.json
        assertEquals("iibalance", r.method());
        assertEquals("synthetic-av", r.dataset());
        assertEquals(5L, r.seed());
        assertEquals(0.125, r.accMultimodal());
        assertEquals(0.125, r.accuracy("audio"));
        assertEquals(List.of("audio", "visual"), r.modalities());
        assertEquals(0.5036083001079912, r.prior().get("audio"));
        assertEquals(0.0032129809260368347, r.budget().entropyScore().get("visual"));
        assertEquals("audio", r.budget().anchor());
        assertEquals(0.4422150269771616, r.weightMean("train").get("audio"));
        assertEquals(0.4419849223146836, r.weightMean("test").get("audio"));
        assertEquals(1, r.valBestEpoch());
        assertEquals("cpu", r.device());
        assertNull(r.recordedCapabilities(), "written before capabilities were recorded");
        assertEquals(new Capabilities(true, true, true, true, true), r.capabilities(), "inferred from its budget and weights");
        assertFalse(s.sensitivity());

        GatingTable g = s.gating();
        assertEquals(List.of("audio", "visual"), g.modalities());
        assertEquals(48, g.rows().size());
        GatingTable.Row first = g.rows().get(0);
        assertEquals("test-0", first.id());
        assertEquals(0, first.label());
        assertEquals(4, first.prediction());
        assertFalse(first.correct());
        assertEquals(0.442678, first.weight("audio"));
        assertEquals(0.996196, first.u("visual"));
        assertEquals(2, first.prediction("visual"));
        assertEquals(48, g.weightsOf("visual").length);

        MetricsTable m = s.metrics();
        assertEquals(List.of("audio", "visual"), m.modalities());
        assertEquals(List.of(), m.extraColumns());
        assertEquals(3, m.rows(MetricsTable.Kind.EPOCH).size());
        List<MetricsTable.Row> budget = m.rows(MetricsTable.Kind.BUDGET);
        assertEquals(4, budget.size());
        assertEquals("audio", budget.get(0).budgetModality());
        assertEquals(0.0416667, budget.get(0).valAccMultimodal());
        assertEquals("budget:visual", budget.get(3).phaseText());
        assertTrue(Double.isNaN(budget.get(0).lambda()));
        assertFalse(m.rows(MetricsTable.Kind.STEP).isEmpty());

        PredictionsTable p = s.predictions();
        assertEquals(8, p.classes());
        assertEquals(48 * 3, p.rows().size());
        assertEquals(Map.of("fused", 0.11195f, "audio", 0.13021f, "visual", 0.13210f).keySet(), p.byClip().get("test-0").keySet());
        assertEquals(0.11195, p.byClip().get("test-0").get("fused")[0], 1e-6);
    }

    @Test
    void anOldJointRunHasNoBudgetAndNoWeights() throws Exception {
        Results r = RunSummary.open(fixture().resolve(JOINT)).results();
        assertEquals("joint", r.method());
        assertEquals(0.10416666666666667, r.accMultimodal());
        assertFalse(r.budget().present());
        assertTrue(r.prior().isEmpty());
        assertTrue(r.weightMean("test").isEmpty());
        assertEquals(Capabilities.NONE, r.capabilities());
        assertEquals((0.10416666666666667 + 0.125 + 0.125) / 3, r.accAvg(), 1e-15);
    }

    @Test
    void writingWhatWasReadGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        for (String run : List.of(IIB, JOINT)) {
            Path src = fixture().resolve(run);
            RunSummary s = RunSummary.open(src);
            RunFolder out = RunFolder.createAt(tmp.resolve(run));
            out.writeResults(s.results());
            out.writeGating(s.gating());
            out.writePredictions(s.predictions());
            for (String f : List.of("results.json", "gating.csv", "predictions.csv")) {
                assertEquals(Files.readString(src.resolve(f)), Files.readString(out.dir().resolve(f)), run + "/" + f);
            }
            // metrics.csv through the append-only writer
            MetricsTable m = s.metrics();
            try (MetricsLog log = out.metricsLog(m.modalities(), m.extraColumns())) {
                log.open();
                for (MetricsTable.Row r : m.rows()) log.row(r);
            }
            assertEquals(Files.readString(src.resolve("metrics.csv")), Files.readString(out.dir().resolve("metrics.csv")), run + "/metrics.csv");
        }
    }

    @Test
    void theScanFindsRunsByStructure() throws Exception {
        RunScan scan = RunScan.of(List.of(fixture()));
        assertEquals(List.of(fixture().resolve(IIB), fixture().resolve(JOINT)), scan.runs());
        assertTrue(scan.partial().isEmpty());
    }
}
