package org.iibalance.gui.util;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Renders a clip's standardised arrays as pictures: the frames [T, C, H, W] side by side (grey or
 * RGB), the log-Mel spectrogram [1, mel, time] with low frequencies at the bottom in a
 * perceptual colour map. Values are stretched to the clip's own range, since the arrays are
 * standardised and have no absolute scale.
 */
public final class ClipImages {
    private ClipImages() {}

    /** An ARGB picture: width, height and pixels row-major. */
    public record Argb(int width, int height, int[] pixels) {
        /** As a JavaFX image. */
        public WritableImage toImage() {
            WritableImage img = new WritableImage(width, height);
            img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
            return img;
        }
    }

    /** The T frames of a [T, C, H, W] array side by side, 2 pixels apart. */
    public static Argb frames(float[] a, long[] shape) {
        return frames(a, shape, minMax(a));
    }

    /**
     * The same, with values stretched over {@code range} ({lo, hi}) instead of the array's own: a
     * corrupted clip drawn on its clean version's scale, so darkened frames look dark.
     */
    public static Argb frames(float[] a, long[] shape, float[] range) {
        int t = (int) shape[0], c = (int) shape[1], h = (int) shape[2], w = (int) shape[3];
        float[] mm = range;
        int gap = 2;
        int width = t * w + (t - 1) * gap;
        int[] px = new int[width * h];
        java.util.Arrays.fill(px, 0xFFFFFFFF);
        for (int f = 0; f < t; f++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int r, g, b;
                    if (c >= 3) {
                        r = level(a[((f * c) * h + y) * w + x], mm);
                        g = level(a[((f * c + 1) * h + y) * w + x], mm);
                        b = level(a[((f * c + 2) * h + y) * w + x], mm);
                    } else {
                        r = g = b = level(a[((f * c) * h + y) * w + x], mm);
                    }
                    px[y * width + f * (w + gap) + x] = 0xFF000000 | (r << 16) | (g << 8) | b;
                }
            }
        }
        return new Argb(width, h, px);
    }

    /** A [1, mel, time] spectrogram (any leading 1s), mel bin 0 at the bottom. */
    public static Argb spectrogram(float[] a, long[] shape) {
        return spectrogram(a, shape, minMax(a));
    }

    /** The same on a given scale ({lo, hi}; see {@link #frames(float[], long[], float[])}). */
    public static Argb spectrogram(float[] a, long[] shape, float[] range) {
        int mel = (int) shape[shape.length - 2], time = (int) shape[shape.length - 1];
        float[] mm = range;
        int[] px = new int[mel * time];
        for (int m = 0; m < mel; m++) {
            for (int t = 0; t < time; t++) {
                px[(mel - 1 - m) * time + t] = colour(level(a[m * time + t], mm) / 255.0);
            }
        }
        return new Argb(time, mel, px);
    }

    /**
     * The frames of a {@link #frames} picture, each smoothed for the eye: every colour channel the
     * mean of its 3x3 neighbourhood within its own frame, then stretched again to the full range.
     * Pixel noise that hides a shape from a person (the synthetic data's sigma is about its
     * colour's own amplitude) drops by about 3x; a display aid only, the model sees the raw frames.
     * The number of square frames is read off the picture (width = T h + 2 (T - 1)).
     */
    public static Argb smoothFrames(Argb in) {
        int h = in.height(), gap = 2;
        int t = Math.max(1, (in.width() + gap) / (h + gap));
        int w = (in.width() - (t - 1) * gap) / t;
        double[][] mean = new double[3][in.width() * h];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < t; f++) {
            int x0 = f * (w + gap);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double[] sum = new double[3];
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = y + dy, xx = x + dx;
                            if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
                            int p = in.pixels()[yy * in.width() + x0 + xx];
                            sum[0] += (p >> 16) & 0xFF;
                            sum[1] += (p >> 8) & 0xFF;
                            sum[2] += p & 0xFF;
                            n++;
                        }
                    }
                    for (int c = 0; c < 3; c++) {
                        double m = sum[c] / n;
                        mean[c][y * in.width() + x0 + x] = m;
                        lo = Math.min(lo, m);
                        hi = Math.max(hi, m);
                    }
                }
            }
        }
        int[] px = in.pixels().clone(); // the gaps stay as they were
        double span = hi - lo;
        for (int f = 0; f < t; f++) {
            int x0 = f * (w + gap);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * in.width() + x0 + x;
                    int argb = 0xFF000000;
                    for (int c = 0; c < 3; c++) {
                        int v = span > 0 ? (int) Math.round((mean[c][i] - lo) / span * 255) : 128;
                        argb |= Math.max(0, Math.min(255, v)) << (16 - 8 * c);
                    }
                    px[i] = argb;
                }
            }
        }
        return new Argb(in.width(), h, px);
    }

    /** Scales a picture up by an integer factor (nearest neighbour) so small arrays stay crisp. */
    public static Argb scale(Argb in, int factor) {
        if (factor <= 1) return in;
        int w = in.width() * factor, h = in.height() * factor;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = in.pixels()[(y / factor) * in.width() + x / factor];
        return new Argb(w, h, px);
    }

    /** {lo, hi} of an array: the scale a clip is drawn on. */
    public static float[] minMax(float[] a) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        return new float[] {lo, hi};
    }

    private static int level(float v, float[] mm) {
        float span = mm[1] - mm[0];
        if (!(span > 0)) return 128;
        return Math.max(0, Math.min(255, Math.round((v - mm[0]) / span * 255)));
    }

    /** A compact viridis-like ramp (dark blue, teal, green, yellow). */
    private static int colour(double t) {
        double[][] stops = {{0.27, 0.00, 0.33}, {0.23, 0.32, 0.55}, {0.13, 0.57, 0.55}, {0.37, 0.79, 0.38}, {0.99, 0.91, 0.14}};
        double p = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) p);
        double f = p - i;
        int r = (int) Math.round(255 * (stops[i][0] + f * (stops[i + 1][0] - stops[i][0])));
        int g = (int) Math.round(255 * (stops[i][1] + f * (stops[i + 1][1] - stops[i][1])));
        int b = (int) Math.round(255 * (stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
