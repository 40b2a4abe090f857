package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFiguresTest {

    @Test
    void writesTheIssuesFieldsAndReadsThemBack(@TempDir Path dir) throws Exception {
        BenchFigures f = new BenchFigures("resnet18", 8, 1, 510.5, 480.25, "2.13.0+cpu", 510.5 / 480.25, 0.012, 812.0, 11_210_000L, 11_210_000L,
                505.0, 470.0, 505.0 / 470.0, List.of(new BenchFigures.Round(510.5, 480.25, 505.0, 470.0), new BenchFigures.Round(530.0, 490.0, 515.0, 472.0)),
                10, 3.5, null);
        Path file = dir.resolve("sub/figures.json");
        f.write(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (String key : List.of("model", "batch", "threads", "javaMsPerStep", "pytorchMsPerStep", "pytorchVersion", "ratio", "dataWaitFraction", "peakRssMiB")) {
            assertTrue(json.has(key), "missing " + key + " in " + json);
        }
        assertEquals("resnet18", json.get("model").asText());
        assertEquals(8, json.get("batch").asInt());
        assertEquals(510.5 / 480.25, json.get("ratio").asDouble(), 1e-12);
        assertEquals(f, BenchFigures.read(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }

    @Test
    void figuresWithoutPytorchStayNull(@TempDir Path dir) throws Exception {
        BenchFigures f = new BenchFigures("quickstart", 32, 2, 20.0, null, null, null, 0.0, 500.0, 56_314L, null, 19.0, null, null,
                List.of(new BenchFigures.Round(20.0, null, 19.0, null)), 10, null, "did not start (no torch)");
        f.write(dir.resolve("f.json"));
        BenchFigures back = BenchFigures.read(dir.resolve("f.json"));
        assertNull(back.pytorchMsPerStep());
        assertNull(back.ratio());
        assertEquals("did not start (no torch)", back.pytorchProblem(), "why there is no PyTorch figure is kept");
        assertEquals(f, back);
    }
}
