package org.iibalance.gui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The display-only smoothing of clip frames: within each frame, gaps untouched, noise reduced. */
class ClipImagesTest {

    private static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    @Test
    void eachFrameIsSmoothedOnItsOwnAndTheGapsStayWhite() {
        // two 6x6 grey-level frames (T=2, C=1): the first black with one white pixel in the middle, the second white
        float[] a = new float[2 * 6 * 6];
        a[2 * 6 + 2] = 1;
        for (int i = 36; i < 72; i++) a[i] = 1;
        ClipImages.Argb raw = ClipImages.frames(a, new long[] {2, 1, 6, 6});
        assertEquals(6 * 2 + 2, raw.width());
        ClipImages.Argb s = ClipImages.smoothFrames(raw);
        // the lone white pixel spreads over its 3x3 neighbourhood (mean 1/9 each, then stretched: the lowest mean is 0, the highest 1)
        assertEquals(red(s.pixels()[2 * 14 + 2]), red(s.pixels()[1 * 14 + 1]), "a pixel and its diagonal neighbour share the spot");
        assertTrue(red(s.pixels()[2 * 14 + 2]) > 0 && red(s.pixels()[2 * 14 + 2]) < 255, "the spot is 1/9 of the white frame's level");
        assertEquals(0, red(s.pixels()[5 * 14 + 5]), "far from the spot the first frame stays black: no light leaks from the white frame");
        assertEquals(255, red(s.pixels()[0 * 14 + 8]), "the white frame stays white at its edge");
        assertEquals(0xFFFFFFFF, s.pixels()[3 * 14 + 6], "the gap between frames is untouched");
        assertEquals(0xFFFFFFFF, s.pixels()[3 * 14 + 7]);
    }

    @Test
    void pixelNoiseAroundAShapeDropsSoThatThePersonSeesIt() {
        // a 12x12 grey frame: a 6x6 square of level 1 on 0, with noise of sd 0.8 (as the synthetic data's)
        SplittableRandom r = new SplittableRandom(7);
        float[] a = new float[12 * 12];
        for (int y = 0; y < 12; y++) for (int x = 0; x < 12; x++) a[y * 12 + x] = (float) ((x >= 3 && x < 9 && y >= 3 && y < 9 ? 1 : 0) + 0.8 * gauss(r));
        ClipImages.Argb raw = ClipImages.frames(a, new long[] {1, 1, 12, 12});
        ClipImages.Argb s = ClipImages.smoothFrames(raw);
        // contrast between the square's centre and the corners, in units of the background's spread
        assertTrue(separation(s) > 2 * separation(raw), "smoothed " + separation(s) + " vs raw " + separation(raw));
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double separation(ClipImages.Argb img) {
        double in = 0, n = 0;
        for (int y = 4; y < 8; y++) for (int x = 4; x < 8; x++) {
            in += red(img.pixels()[y * 12 + x]);
            n++;
        }
        in /= n;
        double[] out = new double[4 * 2 * 2];
        int k = 0;
        for (int[] c : new int[][] {{0, 0}, {0, 10}, {10, 0}, {10, 10}}) {
            for (int dy = 0; dy < 2; dy++) for (int dx = 0; dx < 2; dx++) out[k++] = red(img.pixels()[(c[0] + dy) * 12 + c[1] + dx]);
        }
        double mean = java.util.Arrays.stream(out).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(out).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        return (in - mean) / Math.max(1, sd);
    }
}
