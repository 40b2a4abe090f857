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

/** Every baseline trains above chance (1/8) on a tiny, easy synthetic-av configuration. */
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
    }
}
