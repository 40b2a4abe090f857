package org.iibalance.experiment;

import org.iibalance.run.RunState;
import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.Tag;
import org.iibalance.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IIBalance on real mp4 clips (../shared/data/avmnist-clips, made by ffmpeg) through the clip-folder loader learns. */
@Tag("slow")
class ClipsTrainingTest {

    @Test
    void iibalanceOnRealVideoClipsLearns(@TempDir Path tmp) throws Exception {
        Path clips = SharedData.require("avmnist-clips").resolve("avmnist-clips");
        var cfg = ConfigIO.load(Path.of("sample-configs/clips.yaml"), List.of("dataset.root=" + clips, "dataset.cacheDir=" + tmp.resolve("cache"),
                "output.runsDir=" + tmp.resolve("runs"), "training.logEvery=50"));
        RunOutcome o = new ExperimentRunner(cfg).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        double m = o.results().accMultimodal();
        System.out.printf("avmnist-clips: Acc_m %.3f Acc_a %.3f Acc_v %.3f%n", m, o.results().accuracy("audio"), o.results().accuracy("visual"));
        assertTrue(m > 0.4, "well above chance (0.1): " + m);
        assertEquals(100, o.results().test().clips(), 0);
    }
}
