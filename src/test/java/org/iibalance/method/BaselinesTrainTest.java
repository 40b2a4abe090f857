package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.run.RunState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every baseline trains above chance (1/8) on a tiny, easy synthetic-av configuration, starting from
 * the unimodal pre-training (the default), and logs its own control signal per epoch in
 * {@code metrics.csv}.
 */
@Tag("slow")
class BaselinesTrainTest {
    static final String TINY = """
            name: tiny
            seed: 7
            dataset:
              kind: synthetic-av
              synthetic:
                trainClips: 160
                valClips: 40
                testClips: 80
                alikePairs: 0
                lookAlikePairs: 0
                noisyAudioFraction: 0
                corruptFrameFraction: 0
                audioNoise: 0.3
                visualNoise: 0.8
            model:
              channels: 4
              featureDim: 16
            method:
              budgetMaxEpochs: 4
              budgetMinEpochs: 2
            training:
              lr: 0.01
              epochs: 3
              batchSize: 16
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"ogm-ge", "pmr", "mmpareto", "g-blending", "agm", "mslr", "greedy", "ggdm"})
    void trainsAboveChance(String method) throws Exception {
        ExperimentConfig cfg = ConfigIO.withOverrides(ConfigIO.parse(TINY),
                List.of("method.name=" + method, "output.runsDir=" + tmp, "method.superEpoch=1", "method.greedyWindow=2"));
        RunOutcome o = new ExperimentRunner(cfg).optRunDir(tmp.resolve(method)).run();
        assertEquals(RunState.COMPLETED, o.state(), () -> String.valueOf(o.reason()));
        double acc = o.results().accMultimodal();
        assertTrue(acc > 0.125 + 0.1, method + ": test Acc_m " + acc + " is not above chance 0.125 by 0.1");
        assertEquals(method, o.results().method());
        assertEquals("all", o.results().pretraining().mode());
        assertTrue(o.results().pretraining().models().get("audio").epochs() >= 1, "the baseline was pre-trained like IIBalance's budget models");
        controlSignalsAreLogged(method, o.runDir().resolve("metrics.csv"));
    }

    /** Each epoch row carries the method's ctrl_* columns, finite and in the range its rule allows. */
    private static void controlSignalsAreLogged(String method, Path metrics) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(metrics);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> ctrl = header.stream().filter(h -> h.startsWith("ctrl_")).toList();
        assertTrue(!ctrl.isEmpty(), method + " declares no control signal: " + header);
        int epochRows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (!c[2].equals("epoch")) continue;
            epochRows++;
            java.util.Map<String, Double> v = new java.util.HashMap<>();
            for (String h : ctrl) {
                String cell = c[header.indexOf(h)];
                assertTrue(!cell.isEmpty(), method + ": " + h + " empty in " + line);
                double x = Double.parseDouble(cell);
                assertTrue(Double.isFinite(x), method + ": " + h + " = " + x);
                v.put(h, x);
            }
            switch (method) {
                case "ogm-ge" -> v.forEach((k, x) -> assertTrue(x > 0 && x <= 1, k + " = " + x + " outside (0, 1]"));
                case "g-blending" -> assertEquals(1.0, v.get("ctrl_w_fused") + v.get("ctrl_w_audio") + v.get("ctrl_w_visual"), 3e-6,
                        "weights sum to one (each written with 6 decimals)");
                case "mslr" -> {
                    if (c[0].equals("1")) assertEquals(1.0, v.get("ctrl_rate_audio"), 0, "rates start at 1");
                    v.forEach((k, x) -> assertTrue(x >= 0.1 && x <= 10, k + " = " + x));
                }
                case "greedy" -> {
                    double sum = v.get("ctrl_rebalance_audio") + v.get("ctrl_rebalance_visual");
                    assertTrue(sum >= 0 && sum <= 1 + 1e-12, "re-balancing fractions sum to " + sum);
                    assertTrue(v.get("ctrl_imbalance") >= 0, "log10(fast/slow) >= 0");
                }
                case "ggdm" -> v.forEach((k, x) -> assertTrue(x >= 0.2 && x <= 5, k + " = " + x + " outside the clamp [0.2, 5]"));
                case "pmr" -> v.forEach((k, x) -> assertTrue(x >= 0 && x < 1.0, k + " = " + x + " outside [0, alpha)"));
                case "mmpareto" -> v.forEach((k, x) -> assertTrue(x >= 0 && x <= 1, k + " = " + x + " is not a fraction"));
                default -> v.forEach((k, x) -> assertTrue(x > 0, k + " = " + x));
            }
        }
        assertEquals(3, epochRows);
    }
}
