package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which frames of the stream feed the model. */
class FrameSamplerTest {
    @Test
    void evenlySpacedFramesAreTheMiddlesOfEqualParts() {
        // T = 16, k = 3: parts of 16/3 frames, middles at 2.67, 8, 13.33 -> 2, 8, 13
        assertArrayEquals(new int[] {2, 8, 13}, new FrameSampler(16, 3, 1).evenly());
        assertArrayEquals(new int[] {0, 1, 2, 3}, new FrameSampler(4, 4, 1).evenly());
    }

    @Test
    void randomFramesAreDistinctInOrderRepeatableAndChangeWithTheEpoch() {
        FrameSampler s = new FrameSampler(16, 3, 1);
        int[] a = s.random(7, 0, "clip-1");
        assertArrayEquals(a, s.random(7, 0, "clip-1")); // repeatable: a resumed run sees the same frames
        assertEquals(3, Arrays.stream(a).distinct().count());
        for (int i = 1; i < a.length; i++) assertTrue(a[i - 1] < a[i]);
        boolean changes = false;
        for (int e = 1; e < 10; e++) changes |= !Arrays.equals(a, s.random(7, e, "clip-1"));
        assertTrue(changes, "a fresh choice per epoch");
        assertFalse(Arrays.equals(s.random(7, 0, "clip-1"), s.random(7, 0, "clip-2")) && Arrays.equals(s.random(7, 1, "clip-1"), s.random(7, 1, "clip-2")));
    }

    @Test
    void everyFrameIsChosenAboutEquallyOften() {
        FrameSampler s = new FrameSampler(16, 3, 1);
        int[] count = new int[16];
        int draws = 16000;
        for (int e = 0; e < draws; e++) for (int i : s.random(3, e, "c")) count[i]++;
        // each frame is expected 3000 times (3/16 of 16000 draws); std ~ sqrt(3000 * 13/16) ~ 49: 6 std either side
        for (int c : count) assertTrue(Math.abs(c - 3000) < 300, Arrays.toString(count));
    }

    @Test
    void takeCopiesTheChosenFramesInOrder() {
        float[] frames = new float[4 * 2]; // 4 frames of 2 values: frame f holds f, f + 0.5
        for (int f = 0; f < 4; f++) {
            frames[2 * f] = f;
            frames[2 * f + 1] = f + 0.5f;
        }
        FrameSampler s = new FrameSampler(4, 2, 2);
        assertArrayEquals(new float[] {1, 1.5f, 3, 3.5f}, s.take(frames, new int[] {1, 3}));
        assertThrows(IllegalArgumentException.class, () -> s.take(new float[6], new int[] {0, 1}));
        assertArrayEquals(new long[] {2, 3, 8, 8}, s.seen(new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {4, 3, 8, 8})).shape());
    }
}
