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
    private static final class FakeReference implements ModelBenchmark.Reference {
        final Map<String, Long> params;
        final List<Integer> asked = new ArrayList<>();
        String spec;

        FakeReference(Map<String, Long> params) {
            this.params = params;
        }

        @Override
        public Ready start(Path specFile) throws IOException {
            spec = java.nio.file.Files.readString(specFile);
            return new Ready("fake", 1, params, Map.of("z0", List.of(16L, 64L), "z1", List.of(16L, 64L)));
        }

        @Override
        public ModelBenchmark.Block steps(int n) {
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
        assertEquals(counts.get("total"), f.javaParameters());
        assertEquals("fake", f.pytorchVersion());
    }
}
