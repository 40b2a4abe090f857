package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media clips streamed from the feature cache: no arrays kept, the same values as in memory, robust to a deleted cache. */
class StreamedClipsTest {
    @TempDir
    Path tmp;

    @Test
    void streamedClipsKeepNoArraysAndReadTheSameStandardisedValuesAsInMemory() throws Exception {
        MediaLoadersTest t = new MediaLoadersTest();
        t.tmp = tmp;
        Path root = t.clipFolder();
        ExperimentConfig streamed = t.cfg("clips", root, "dataset.media.valFraction=0.34", "dataset.media.testFraction=0.34");
        ExperimentConfig inMemory = t.cfg("clips", root, "dataset.media.valFraction=0.34", "dataset.media.testFraction=0.34", "dataset.media.cache=false");
        MultimodalDataset s = MediaLoadersTest.load(streamed), m = MediaLoadersTest.load(inMemory);
        List<Clip> sc = MediaLoadersTest.all(s), mc = MediaLoadersTest.all(m);
        assertEquals(12, sc.size());
        for (Clip c : sc) assertTrue(c.inputs() instanceof StreamedInputs, c.id() + " holds " + c.inputs().getClass());
        for (Clip c : mc) assertFalse(c.inputs() instanceof StreamedInputs);
        for (int i = 0; i < sc.size(); i++) {
            assertEquals(mc.get(i).id(), sc.get(i).id());
            for (int k = 0; k < 2; k++) assertArrayEquals(mc.get(i).input(k), sc.get(i).input(k), 0f, sc.get(i).id() + " modality " + k);
        }
        // training statistics were applied: the training audio is standardised (mean ~0)
        double sum = 0;
        long n = 0;
        for (Clip c : s.train()) for (float v : c.input(0)) {
            sum += v;
            n++;
        }
        assertEquals(0, sum / n, 1e-3);

        // the cache deleted under a loaded dataset: clips are decoded again, same values
        float[] before = sc.get(0).input(1);
        RunFolder.deleteTree(tmp.resolve("cache"));
        assertFalse(Files.exists(tmp.resolve("cache")));
        assertArrayEquals(before, sc.get(0).input(1), 0f);
    }
}
