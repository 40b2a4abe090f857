package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluation.json and robustness.csv read back to what was written; bad files are refused naming the file. */
class EvaluationFilesTest {

    @Test
    void evaluationJsonRoundTripsWithTheTestBlockKeys(@TempDir Path dir) throws Exception {
        Results r = Results.builder().accMultimodal(0.8125).accuracy("audio", 0.5).accuracy("visual", 0.25).accuracy("sensor", Double.NaN)
                .accAudioVisual(0.5, 0.25).accAvg(0.52).unimodalProtocol("heads").testClips(48).build();
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("audio", 0.7);
        w.put("visual", 0.2);
        w.put("sensor", 0.1);
        EvaluationResult e = new EvaluationResult("runs/x", "iibalance", "synthetic-av", 42L, "test", List.of("audio-noise:snr=-10"), 3,
                List.of("dataset.synthetic.testClips=48"), r.test(), w);
        GatingTable g = new GatingTable(List.of("audio", "visual", "sensor"), List.of());
        e.write(dir.resolve("out"), g);
        assertEquals(e, EvaluationResult.read(dir.resolve("out")));
        String json = Files.readString(EvaluationResult.file(dir.resolve("out")));
        for (String k : List.of("\"figures\"", "\"accMultimodal\"", "\"accAvg\"", "\"unimodalProtocol\"", "\"corruptions\"")) assertTrue(json.contains(k), k);
        Files.writeString(EvaluationResult.file(dir.resolve("out")), "{\"figures\": {\"accMultimodal\": \"high\"}}");
        var bad = assertThrows(java.io.IOException.class, () -> EvaluationResult.read(dir.resolve("out")));
        assertTrue(bad.getMessage().contains("evaluation.json") && bad.getMessage().contains("figures.accMultimodal"), bad.getMessage());
    }

    @Test
    void robustnessTableRoundTripsAndUnitesModalities(@TempDir Path dir) throws Exception {
        RobustnessTable t = new RobustnessTable(List.of(), List.of()).plus(List.of(
                new RobustnessTable.Row("runs/a, b", "a", "joint", 1, "synthetic-av", RobustnessTable.CLEAN, "", Double.NaN, RobustnessTable.CLEAN, 48,
                        0.75, Map.of("audio", 0.5), Map.of("audio", Double.NaN)),
                new RobustnessTable.Row("runs/c", "c", "iibalance", 2, "synthetic-av", "audio-noise", "snr", -10, "audio-noise:snr=-10", 48, 0.5,
                        Map.of("audio", 0.25, "visual", 0.5), Map.of("audio", 0.1, "visual", 0.9))));
        assertEquals(List.of("audio", "visual"), t.modalities());
        t.write(RobustnessTable.file(dir));
        RobustnessTable back = RobustnessTable.readOrEmpty(dir);
        assertEquals(2, back.rows().size());
        assertEquals("runs/a, b", back.rows().get(0).run());
        assertEquals(-10, back.rows().get(1).severity());
        assertEquals(0.9, back.rows().get(1).weights().get("visual"), 1e-9);
        assertFalse(back.rows().get(0).hasWeights());
        assertTrue(back.rows().get(1).hasWeights());
        assertTrue(back.has("runs/c", "audio-noise:snr=-10"));
        assertFalse(back.has("runs/c", RobustnessTable.CLEAN));
        assertEquals(List.of(RobustnessTable.file(dir)), RobustnessTable.find(List.of(dir)));
        Files.writeString(RobustnessTable.file(dir), "run,name\nx,y\n");
        var bad = assertThrows(java.io.IOException.class, () -> RobustnessTable.read(RobustnessTable.file(dir)));
        assertTrue(bad.getMessage().contains("robustness.csv") && bad.getMessage().contains("'method'"), bad.getMessage());
    }
}
