package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Some frames of a streamed clip, read from its 8-bit cache entry: the same values as taking them from the whole standardised array. */
class StreamedFramesTest {
    @TempDir
    Path tmp;

    @Test
    void chosenFramesReadFromTheCacheEqualTheSameFramesOfTheWholeArray() throws Exception {
        MediaLoadersTest t = new MediaLoadersTest();
        t.tmp = tmp;
        Path root = t.clipFolder();
        ExperimentConfig cfg = t.cfg("clips", root, "dataset.media.valFraction=0.34", "dataset.media.testFraction=0.34", "dataset.visual.frames=5");
        MultimodalDataset d = MediaLoadersTest.load(cfg);
        ModalitySpec frames = d.modalities().get(1);
        int total = (int) frames.shape()[0];
        FrameSampler s = new FrameSampler(total, 2, frames.size() / total);
        for (Clip c : MediaLoadersTest.all(d)) {
            assertTrue(c.inputs() instanceof StreamedInputs, c.id());
            for (int[] idx : new int[][] {s.evenly(), s.random(3, 1, c.id()), {total - 1, 0}}) {
                assertArrayEquals(s.take(c.input(1), idx), s.take(c, 1, idx), 0f, c.id() + " frames " + java.util.Arrays.toString(idx));
            }
        }
    }
}
