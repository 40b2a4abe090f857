package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random crop (resize then crop) and horizontal flip of frames, checked by hand on tiny frames. */
class FrameAugmentationTest {
    /** One frame, one channel, 2 x 2: [[1, 2], [3, 4]]. */
    private static final float[] TINY = {1, 2, 3, 4};

    @Test
    void resizeThenCropOnATwoByTwoFrameMatchesTheHandComputedBilinearValues() {
        // cropFraction 0.5: the 2x2 frame is resized to 4x4, where along one axis the source coordinates of
        // rows 0..3 are u = (i + 0.5) / 2 - 0.5 = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1):
        // weights of the second source row 0, 0.25, 0.75, 1
        FrameAugmentation a = new FrameAugmentation(0.5, false, 1, 2, 2);
        assertEquals(4, a.resized(2));
        // window at (0, 0): resized rows 0-1, columns 0-1
        // (0,0) = 1; (0,1) = 1 * 0.75 + 2 * 0.25 = 1.25; (1,0) = 1 * 0.75 + 3 * 0.25 = 1.5; (1,1) = 0.75 * 1.25 + 0.25 * (3 * 0.75 + 4 * 0.25) = 1.75
        assertArrayEquals(new float[] {1f, 1.25f, 1.5f, 1.75f}, a.apply(TINY, new FrameAugmentation.Choice(0, 0, false)), 1e-6f);
        // window at (1, 2): rows with weights 0.25 and 0.75, columns with weights 0.75 and 1
        // row 1 of the resized frame: 1*0.75+3*0.25 = 1.5 (col 0) ... col weight 0.75 -> 1.5*0.25 + 2.5*0.75 = 2.25, weight 1 -> 2.5
        // row 2: 1*0.25+3*0.75 = 2.5 (col 0), 2*0.25+4*0.75 = 3.5 (col 1) -> weight 0.75: 3.25, weight 1: 3.5
        assertArrayEquals(new float[] {2.25f, 2.5f, 3.25f, 3.5f}, a.apply(TINY, new FrameAugmentation.Choice(1, 2, false)), 1e-6f);
        // the bottom-right window is the frame's corner pixel region: rows/cols 2-3 -> weights 0.75 and 1
        assertArrayEquals(new float[] {3.25f, 3.5f, 3.75f, 4f}, a.apply(TINY, new FrameAugmentation.Choice(2, 2, false)), 1e-6f);
    }

    @Test
    void theFlipMirrorsEachRowOfEveryChannelAndFrame() {
        FrameAugmentation a = new FrameAugmentation(1.0, true, 2, 1, 3);
        // two frames of two channels of one row of three: [1,2,3] [4,5,6] | [7,8,9] [10,11,12]
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10}, a.apply(x, new FrameAugmentation.Choice(0, 0, true)), 0f);
        assertArrayEquals(x, a.apply(x, new FrameAugmentation.Choice(0, 0, false)), 0f, "no crop and no mirror: the frames as they are");
    }

    @Test
    void theSameSeedEpochAndClipGiveTheSameResultAndOthersVary() {
        FrameAugmentation a = new FrameAugmentation(0.875, true, 3, 8, 8);
        float[] x = new float[2 * 3 * 8 * 8];
        for (int i = 0; i < x.length; i++) x[i] = (i * 37 % 101) / 101f;
        assertArrayEquals(a.apply(x, 42, 3, "clip-7"), a.apply(x, 42, 3, "clip-7"), 0f);
        Set<FrameAugmentation.Choice> seen = new HashSet<>();
        int mirrored = 0;
        for (int e = 0; e < 200; e++) {
            FrameAugmentation.Choice c = a.choose(42, e, "clip-7");
            assertTrue(c.top() >= 0 && c.top() <= a.resized(8) - 8 && c.left() >= 0 && c.left() <= a.resized(8) - 8, c.toString());
            seen.add(c);
            if (c.mirror()) mirrored++;
        }
        assertEquals(9, a.resized(8), "8 / 0.875 = 9.14 -> 9: offsets 0 or 1");
        assertEquals(8, seen.size(), "every offset pair and flip appears over 200 epochs");
        assertTrue(mirrored > 70 && mirrored < 130, "about half the epochs mirror: " + mirrored);
        java.util.List<FrameAugmentation.Choice> s42 = new java.util.ArrayList<>(), s43 = new java.util.ArrayList<>(), other = new java.util.ArrayList<>();
        for (int e = 0; e < 20; e++) {
            s42.add(a.choose(42, e, "clip-7"));
            s43.add(a.choose(43, e, "clip-7"));
            other.add(a.choose(42, e, "clip-8"));
        }
        assertNotEquals(s42, s43, "another seed gives other choices over 20 epochs");
        assertNotEquals(s42, other, "another clip gives other choices over 20 epochs");
    }

    @Test
    void offByDefaultAndRefusesABadFraction() {
        assertFalse(new FrameAugmentation(1.0, false, 3, 4, 4).active());
        assertTrue(new FrameAugmentation(0.9, false, 3, 4, 4).active());
        assertThrows(IllegalArgumentException.class, () -> new FrameAugmentation(0, false, 3, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new FrameAugmentation(1.5, false, 3, 4, 4));
        assertFalse(org.iibalance.config.DatasetConfig.VisualConfig.defaults().augment().active(), "dataset.visual.augment is off by default");
    }
}
