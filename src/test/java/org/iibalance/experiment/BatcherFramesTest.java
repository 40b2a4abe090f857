package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iibalance.data.Clip;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Tensors;
import org.junit.jupiter.api.Test;

/** dataset.visual.framesPerClip in the batches: k of T frames, random per epoch in training, fixed in evaluation. */
class BatcherFramesTest {
    /** 6 clips of audio [1, 2, 2] and 8 frames of [1, 1, 1], frame f of clip i holding 10 i + f. */
    private static MultimodalDataset data() {
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            float[] frames = new float[8];
            for (int f = 0; f < 8; f++) frames[f] = 10 * i + f;
            clips.add(new Clip("c" + i, i % 2, List.of(new float[4], frames), Map.of()));
        }
        List<ModalitySpec> mods = List.of(new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, 2, 2}),
                new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {8, 1, 1, 1}));
        return new MultimodalDataset("t", List.of("a", "b"), mods, clips, clips, clips, List.of());
    }

    private static List<float[]> frames(Batcher b, int epoch) throws Exception {
        List<float[]> out = new ArrayList<>();
        if (epoch < 0) b.validation(batch -> out.add(Tensors.toFloats(batch.inputs().get(1))));
        else b.train(epoch, batch -> out.add(Tensors.toFloats(batch.inputs().get(1))));
        return out;
    }

    @Test
    void threeOfEightFramesFeedTheModel() throws Exception {
        Batcher b = new Batcher(data(), Devices.of("cpu"), 3, 5, 3);
        assertArrayEquals(new long[] {3, 1, 1, 1}, b.seenModalities().get(1).shape());
        List<float[]> e0 = frames(b, 0), e0again = frames(b, 0), e1 = frames(b, 1);
        assertEquals(2, e0.size());
        for (int i = 0; i < e0.size(); i++) assertArrayEquals(e0.get(i), e0again.get(i)); // seeded: the same epoch, the same frames
        boolean differs = false;
        for (int i = 0; i < e0.size(); i++) differs |= !java.util.Arrays.equals(e0.get(i), e1.get(i));
        assertTrue(differs, "another epoch, another choice");
        for (float[] batch : e0) {
            assertEquals(9, batch.length); // 3 clips x 3 frames
            for (int c = 0; c < 3; c++) {
                int clip = (int) (batch[3 * c] / 10); // every chosen frame comes from its own clip, in time order
                for (int k = 1; k < 3; k++) {
                    assertEquals(clip, (int) (batch[3 * c + k] / 10));
                    assertTrue(batch[3 * c + k] > batch[3 * c + k - 1]);
                }
            }
        }
        // validation: the evenly spaced frames 1, 4, 6 (middles of 8/3-frame parts), every time
        List<float[]> v = frames(b, -1);
        assertArrayEquals(new float[] {1, 4, 6, 11, 14, 16, 21, 24, 26}, v.get(0));
        assertArrayEquals(v.get(0), frames(b, -1).get(0));
    }

    @Test
    void zeroFeedsEveryFrame() throws Exception {
        Batcher b = new Batcher(data(), Devices.of("cpu"), 6, 5, 0);
        assertArrayEquals(new long[] {8, 1, 1, 1}, b.seenModalities().get(1).shape());
        assertEquals(48, frames(b, -1).get(0).length);
    }
}
