package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBenchmarkTest {

    @Test
    void resnet18IsTheVisualBackboneAtTheIssuesCpuSize() throws Exception {
        ExperimentConfig c = ModelBenchmark.resolve("resnet18", List.of());
        assertEquals("resnet18", c.model().visual().encoder());
        assertEquals("conv-small", c.model().audio().encoder());
        assertEquals(112, c.dataset().visual().size());
        assertEquals(1, c.dataset().visual().frames());
        assertEquals(8, c.training().batchSize());
    }

    @Test
    void anEncoderPairAndOverridesApply() throws Exception {
        ExperimentConfig c = ModelBenchmark.resolve("audio=conv1d,visual=conv-small", List.of("threads=1"));
        assertEquals("conv1d", c.model().audio().encoder());
        assertEquals("conv-small", c.model().visual().encoder());
        assertEquals(32, c.training().batchSize(), "a small visual encoder keeps the quickstart batch");
        assertEquals(1, c.threads());
    }

    @Test
    void anUnknownModelIsRefusedNamingTheOption() {
        ConfigException e = assertThrows(ConfigException.class, () -> ModelBenchmark.resolve("vgg16", List.of()));
        assertTrue(e.getMessage().contains("--model") && e.getMessage().contains("resnet18"), e.getMessage());
        assertThrows(ConfigException.class, () -> ModelBenchmark.resolve("audio:conv1d", List.of()));
        assertThrows(ConfigException.class, () -> ModelBenchmark.resolve("missing.yaml", List.of()));
    }

    @Test
    void medianOfOddAndEvenBlocks() {
        assertEquals(2.0, MethodBenchmark.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, MethodBenchmark.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    /** A reference that reports what it is told and times its blocks with fixed figures. */
    private static class FakeReference implements ModelBenchmark.Reference {
        final Map<String, Long> params;
        final List<Integer> asked = new ArrayList<>();
        int threads = 1;
        int failingCall = -1; // the steps() call (0: the warm-up) that fails, as a dying process does
        String spec;

        FakeReference(Map<String, Long> params) {
            this.params = params;
        }

        @Override
        public Ready start(Path specFile) throws IOException {
            spec = java.nio.file.Files.readString(specFile);
            return new Ready("fake", threads, params, Map.of("z0", List.of(16L, 64L), "z1", List.of(16L, 64L)));
        }

        @Override
        public ModelBenchmark.Block steps(int n) throws IOException {
            if (asked.size() == failingCall) throw new IOException("reference ended without 'times'");
            asked.add(n);
            return new ModelBenchmark.Block(Collections.nCopies(n, 1000.0), Collections.nCopies(n, 900.0));
        }

        @Override
        public void close() {}
    }

    private static ExperimentConfig tiny() throws ConfigException {
        return ModelBenchmark.resolve("quickstart", List.of("threads=1", "training.batchSize=16", "dataset.synthetic.trainClips=48",
                "dataset.synthetic.valClips=16", "dataset.synthetic.testClips=16"));
    }

    @Test
    void alternatesRealJavaStepsWithTheReferencesBlocks(@TempDir Path dir) throws Exception {
        ExperimentConfig cfg = tiny();
        Map<String, Long> counts = javaCounts(cfg, dir);
        FakeReference ref = new FakeReference(counts); // the counts a correct reference reports: the Java network's own

        BenchFigures f = ModelBenchmark.run(cfg, "quickstart", new ModelBenchmark.Options(1, 2, 2), ref, dir.resolve("spec2.json"));
        assertEquals(List.of(1, 2, 2), ref.asked, "warm-up block, then one block per round");
        assertEquals(2, f.rounds().size());
        assertEquals(1000.0, f.pytorchMsPerStep());
        assertEquals(900.0, f.pytorchCpuMsPerStep());
        assertEquals(f.javaMsPerStep() / 1000.0, f.ratio(), 1e-12);
        assertTrue(f.javaMsPerStep() > 0 && f.javaCpuMsPerStep() > 0, "the Java steps ran");
        assertEquals(f.rounds().stream().mapToDouble(BenchFigures.Round::javaMs).min().orElseThrow(), f.javaMsPerStep());
        assertTrue(f.dataWaitFraction() >= 0 && f.dataWaitFraction() < 1);
        assertEquals(16, f.batch());
        assertEquals(1, f.threads());
        assertEquals(counts.get("total"), f.javaParameters());
        assertEquals("fake", f.pytorchVersion());
        assertNull(f.pytorchProblem(), "compared: no problem");
    }

    @Test
    void aReferenceThatFailsMidwayKeepsTheJavaFiguresAndSaysWhy(@TempDir Path dir) throws Exception {
        ExperimentConfig cfg = tiny();
        FakeReference ref = new FakeReference(javaCounts(cfg, dir));
        ref.failingCall = 2; // warm-up and round 1 answered, round 2's block fails
        BenchFigures f = ModelBenchmark.run(cfg, "quickstart", new ModelBenchmark.Options(1, 3, 2), ref, dir.resolve("spec2.json"));
        assertEquals(List.of(1, 2), ref.asked, "after the failure the reference is not asked again");
        assertEquals(3, f.rounds().size(), "the Java rounds all ran, not restarted");
        assertTrue(f.rounds().stream().allMatch(r -> r.javaMs() > 0));
        assertEquals(1000.0, f.rounds().get(0).pytorchMs(), "the round the reference finished keeps its figure");
        assertNull(f.rounds().get(1).pytorchMs());
        assertNull(f.rounds().get(2).pytorchMs());
        assertEquals(f.rounds().stream().mapToDouble(BenchFigures.Round::javaMs).min().orElseThrow(), f.javaMsPerStep());
        assertNull(f.pytorchMsPerStep(), "an unfinished comparison gives no PyTorch figure");
        assertNull(f.ratio());
        assertNull(f.cpuRatio());
        assertNotNull(f.pytorchProblem());
        assertTrue(f.pytorchProblem().contains("failed after 1 of 3 rounds") && f.pytorchProblem().contains("ended without 'times'"), f.pytorchProblem());
    }

    @Test
    void aReferenceThatDoesNotStartLeavesTheJavaFigures(@TempDir Path dir) throws Exception {
        FakeReference ref = new FakeReference(Map.of()) {
            @Override
            public Ready start(Path specFile) throws IOException {
                throw new IOException("python3 ended without 'ready' (no torch in that Python?)");
            }
        };
        BenchFigures f = ModelBenchmark.run(tiny(), "quickstart", new ModelBenchmark.Options(1, 2, 2), ref, dir.resolve("spec.json"));
        assertEquals(List.of(), ref.asked);
        assertEquals(2, f.rounds().size());
        assertTrue(f.javaMsPerStep() > 0);
        assertNull(f.pytorchMsPerStep());
        assertTrue(f.pytorchProblem().startsWith("did not start") && f.pytorchProblem().contains("no torch"), f.pytorchProblem());
    }

    @Test
    void aReferenceOnAnotherThreadCountIsNotCompared(@TempDir Path dir) throws Exception {
        FakeReference ref = new FakeReference(Map.of()); // not even checked: the comparison is refused first
        ref.threads = 2;
        BenchFigures f = ModelBenchmark.run(tiny(), "quickstart", new ModelBenchmark.Options(1, 2, 2), ref, dir.resolve("spec.json"));
        assertEquals(List.of(), ref.asked, "no PyTorch step is timed");
        assertEquals(1, f.threads(), "the Java side's threads");
        assertNull(f.pytorchMsPerStep());
        assertNull(f.ratio());
        assertNull(f.pytorchVersion());
        assertTrue(f.javaMsPerStep() > 0 && f.rounds().size() == 2, "the Java figures are kept");
        assertTrue(f.pytorchProblem().contains("2 intra-op threads, Java 1"), f.pytorchProblem());
    }

    /** The Java network's parameter counts per part, learnt from the message of a reference that reports none. */
    private static Map<String, Long> javaCounts(ExperimentConfig cfg, Path dir) throws Exception {
        FakeReference probe = new FakeReference(Map.of());
        // first learn the Java counts (a mismatch message lists them), then give them back
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ModelBenchmark.run(cfg, "quickstart", new ModelBenchmark.Options(1, 1, 2), probe, dir.resolve("spec.json")));
        assertTrue(e.getMessage().contains("not the same network"), e.getMessage());
        assertTrue(probe.spec.contains("\"encoder\":\"conv-small\"") && probe.spec.contains("\"prior\""), probe.spec);

        Map<String, Long> counts = new HashMap<>();
        for (String part : e.getMessage().replace("the PyTorch reference is not the same network: ", "").split("; ")) {
            if (!part.contains(" parameters: Java ")) continue;
            String key = part.substring(0, part.indexOf(' '));
            counts.put(key, Long.parseLong(part.replaceAll(".* parameters: Java (\\d+),.*", "$1")));
        }
        assertTrue(counts.containsKey("total") && counts.containsKey("encoder0") && counts.containsKey("gate"), counts.toString());
        return counts;
    }
}
