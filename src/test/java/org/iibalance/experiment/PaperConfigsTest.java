package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.run.RunState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's configurations (Sec. IV) load and validate as written, and, shrunk (32 px, one frame,
 * narrow backbones, 40 clips, one epoch), each trains end to end with its own encoders on the real
 * AV-MNIST mp4 clips (clip-folder layout).
 */
@org.junit.jupiter.api.Tag("slow")
class PaperConfigsTest {
    /** One feature cache for the three runs (same recipe: decoded once). */
    @TempDir
    static Path cache;

    @ParameterizedTest
    @ValueSource(strings = {"paper-cremad", "paper-kinetics-sounds", "paper-ave"})
    void paperConfigTrainsEndToEndWhenShrunk(String name, @TempDir Path tmp) throws Exception {
        ExperimentConfig paper = ConfigIO.load(Path.of("sample-configs", name + ".yaml"), List.of());
        // every value valid; the data itself is not here (only its folder is missing)
        assertEquals(List.of(), org.iibalance.config.ConfigValidator.check(paper), name);
        assertNotNull(org.iibalance.data.Datasets.find(paper.dataset().kind()), name);
        assertEquals(1e-4, paper.training().lr());
        assertEquals(32, paper.training().batchSize());
        assertEquals(50, paper.training().epochs());
        assertEquals(0.07, paper.method().tau());
        assertEquals(0.5, paper.method().tauP());
        assertEquals(16, paper.dataset().visual().fps());
        assertEquals(224, paper.dataset().visual().size());
        assertEquals(25, paper.dataset().audio().windowMs());
        assertEquals(10, paper.dataset().audio().hopMs());
        assertEquals(name.equals("paper-cremad") ? "mobilenetv2" : "resnet18", paper.model().visual().encoder());
        assertEquals(name.equals("paper-cremad") ? "gru" : "conv1d", paper.model().audio().encoder());

        Path clips = org.iibalance.SharedData.require("avmnist-clips").resolve("avmnist-clips");
        assertTrue(Files.isDirectory(clips), "the real clips are expected at " + clips.toAbsolutePath());
        List<String> small = new ArrayList<>(List.of("dataset.kind=clips", "dataset.root=" + clips, "dataset.cacheDir=" + cache,
                "dataset.visual.fps=0", "dataset.visual.frames=1", "dataset.visual.size=32", "dataset.audio.seconds=1.0", "dataset.audio.melBins=32",
                "dataset.media.split=stratified", "dataset.maxTrain=40", "dataset.maxVal=20", "dataset.maxTest=20", "training.epochs=1",
                "training.batchSize=8", "method.budgetMaxEpochs=1", "method.budgetMinEpochs=1", "model.featureDim=32", "model.channels=8",
                "model.visual.width=0.125", "model.audio.hidden=16", "threads=1", "output.runsDir=" + tmp.resolve("runs")));
        RunOutcome o = new ExperimentRunner(ConfigIO.withOverrides(paper, small)).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        assertEquals(20, o.results().test().clips());
        double acc = o.results().accMultimodal();
        assertTrue(acc >= 0 && acc <= 1, "an accuracy: " + acc);
        System.out.printf("%s shrunk, on avmnist-clips: Acc_m %.3f (one epoch of 40 clips; a smoke run, not a result)%n", name, acc);
    }
}
