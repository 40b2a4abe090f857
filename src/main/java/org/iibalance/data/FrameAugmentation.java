package org.iibalance.data;

import java.util.SplittableRandom;

/**
 * Training augmentation of a clip's frames, as the audio-visual balancing peers do it (torchvision's
 * {@code Resize} then {@code RandomCrop}, and {@code RandomHorizontalFlip}): each frame of H x W is
 * resized (bilinear) to {@code round(H / cropFraction) x round(W / cropFraction)}, an H x W window at a
 * random offset is cut out of it, and with probability 1/2 the result is mirrored left to right. One
 * offset and one flip per clip and epoch, shared by all its frames (the frames stay one consistent
 * view of the clip), drawn from (seed, epoch, clip id): a run and a resumed run see the same
 * augmented batches whatever the loader's threads do. Used in training only; validation, test and
 * every estimate see the frames as decoded.
 *
 * <p>The resize is computed only inside the window: output pixel (y, x) is the resized image at
 * (oy + y, ox + x), whose source coordinate is {@code u = (oy + y + 0.5) * H / R - 0.5} (half-pixel
 * centres, clamped to the frame, as {@code torch.nn.functional.interpolate(..., mode="bilinear",
 * align_corners=False)}), interpolated between the two nearest rows and columns.
 */
public final class FrameAugmentation {
    private final double cropFraction;
    private final boolean flip;
    private final int channels, height, width;

    /**
     * @param cropFraction the window's share of the resized frame's side, in (0, 1]; 1: no crop
     * @param flip         whether to mirror half of the clips left to right
     * @param channels     C of the frames [k, C, H, W]
     * @param height       H
     * @param width        W
     */
    public FrameAugmentation(double cropFraction, boolean flip, int channels, int height, int width) {
        if (!(cropFraction > 0 && cropFraction <= 1)) throw new IllegalArgumentException("cropFraction must be in (0, 1], got " + cropFraction);
        this.cropFraction = cropFraction;
        this.flip = flip;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** Whether it changes anything (a crop below 1 or the flip on). */
    public boolean active() {
        return cropFraction < 1 || flip;
    }

    /** Side of the resized frame for a frame side {@code side}: round(side / cropFraction), at least side. */
    int resized(int side) {
        return Math.max(side, (int) Math.round(side / cropFraction));
    }

    /**
     * The choice for one clip in one epoch.
     *
     * @param top     row offset of the window in the resized frame
     * @param left    column offset of the window in the resized frame
     * @param mirror  whether the window is mirrored left to right
     */
    public record Choice(int top, int left, boolean mirror) {}

    /** The offset and flip of clip {@code clipId} in epoch {@code epoch}, seeded by (seed, epoch, clip id). */
    public Choice choose(long seed, int epoch, String clipId) {
        SplittableRandom r = new SplittableRandom(seed * 0xD1B54A32D192ED03L ^ (epoch + 1L) * 0x94D049BB133111EBL ^ clipId.hashCode() * 0xBF58476D1CE4E5B9L);
        int top = r.nextInt(resized(height) - height + 1);
        int left = r.nextInt(resized(width) - width + 1);
        boolean mirror = flip && r.nextBoolean();
        return new Choice(top, left, mirror);
    }

    /** The frames [k, C, H, W] of clip {@code clipId} in epoch {@code epoch}, augmented (a new array; the input is left as it is). */
    public float[] apply(float[] frames, long seed, int epoch, String clipId) {
        return apply(frames, choose(seed, epoch, clipId));
    }

    /** The frames [k, C, H, W] augmented with a given choice (a new array). */
    public float[] apply(float[] frames, Choice c) {
        int plane = height * width;
        if (frames.length % (channels * plane) != 0) {
            throw new IllegalArgumentException("frames of " + channels + "x" + height + "x" + width + " expected, got " + frames.length + " values");
        }
        int rh = resized(height), rw = resized(width);
        // the rows and columns each output pixel reads, and their weights (the same for every plane)
        int[] y0 = new int[height], y1 = new int[height], x0 = new int[width], x1 = new int[width];
        float[] wy = new float[height], wx = new float[width];
        axis(c.top(), height, rh, y0, y1, wy);
        axis(c.left(), width, rw, x0, x1, wx);
        float[] out = new float[frames.length];
        for (int p = 0; p < frames.length / plane; p++) {
            int o = p * plane;
            for (int y = 0; y < height; y++) {
                int r0 = o + y0[y] * width, r1 = o + y1[y] * width;
                float b = wy[y], a = 1 - b;
                int row = o + y * width;
                for (int x = 0; x < width; x++) {
                    float top = frames[r0 + x0[x]] * (1 - wx[x]) + frames[r0 + x1[x]] * wx[x];
                    float bottom = frames[r1 + x0[x]] * (1 - wx[x]) + frames[r1 + x1[x]] * wx[x];
                    out[row + (c.mirror() ? width - 1 - x : x)] = a * top + b * bottom;
                }
            }
        }
        return out;
    }

    /**
     * Source indices and weight along one axis: output i of the window at {@code offset} in a frame
     * resized from {@code side} to {@code resized} reads the source at u = (offset + i + 0.5) * side /
     * resized - 0.5, clamped to [0, side - 1].
     */
    private static void axis(int offset, int side, int resized, int[] lo, int[] hi, float[] w) {
        double scale = (double) side / resized;
        for (int i = 0; i < side; i++) {
            double u = Math.max(0, (offset + i + 0.5) * scale - 0.5);
            int l = Math.min((int) Math.floor(u), side - 1);
            lo[i] = l;
            hi[i] = Math.min(l + 1, side - 1);
            w[i] = (float) (u - l);
            if (hi[i] == l) w[i] = 0;
        }
    }
}
