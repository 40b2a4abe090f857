package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.run.RunState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * M = 3: every baseline trains once, at the smallest size, on the embedded data with its sensor
 * modality ({@code dataset.synthetic.modalities=3}); none is two-modality by construction (OGM-GE's
 * and AGM's ratios have their documented M > 2 forms), so none refuses. Each run completes with a
 * head accuracy per modality, finite control signals for the third modality too, and a fused
 * accuracy above chance.
 */
@Tag("slow")
class ThreeModalityBaselinesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"ogm-ge", "pmr", "mmpareto", "g-blending", "agm", "mslr", "greedy", "ggdm"})
    void trainsWithASensorModality(String method) throws Exception {
        ExperimentConfig cfg = ConfigIO.withOverrides(ConfigIO.parse(BaselinesTrainTest.TINY), List.of("dataset.synthetic.modalities=3",
                "method.name=" + method, "output.runsDir=" + tmp, "method.superEpoch=1", "method.greedyWindow=2", "threads=1"));
        RunOutcome o = new ExperimentRunner(cfg).optRunDir(tmp.resolve(method)).run();
        assertEquals(RunState.COMPLETED, o.state(), () -> String.valueOf(o.reason()));
        assertEquals(List.of("audio", "visual", "sensor"), o.results().modalities());
        assertEquals(3, o.results().test().accByModality().size(), o.results().test().accByModality().toString());
        assertTrue(o.results().pretraining().models().containsKey("sensor"), "the sensor was pre-trained like the others");
        double acc = o.results().accMultimodal();
        System.out.printf("%s on three modalities: test Acc_m %.3f, heads %s%n", method, acc, o.results().test().accByModality());
        assertTrue(acc > 0.125 + 0.1, method + ": test Acc_m " + acc + " is not above chance 0.125 by 0.1");
        List<String> lines = Files.readAllLines(o.runDir().resolve("metrics.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> sensor = header.stream().filter(h -> h.startsWith("ctrl_") && h.endsWith("_sensor")).toList();
        assertTrue(!sensor.isEmpty(), method + " has no control signal for the third modality: " + header);
        int epochRows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (!c[2].equals("epoch")) continue;
            epochRows++;
            for (String h : sensor) assertTrue(Double.isFinite(Double.parseDouble(c[header.indexOf(h)])), method + ": " + h + " in " + line);
        }
        assertTrue(epochRows > 0, method + ": metrics.csv has no epoch rows to check");
    }
}
