package org.iibalance.media;

/**
 * Decoded frames are 8-bit values k (as FFmpeg converted them to RGB24); the models see k / 255 as a
 * float in [0, 1]. Frames stay 8-bit from the decoder through the feature cache, and become floats
 * only when a batch is assembled, and only for the frames the model sees.
 */
public final class Pixels {
    private static final float[] VALUE = new float[256];

    static {
        for (int k = 0; k < 256; k++) VALUE[k] = k / 255f;
    }

    private Pixels() {}

    /** The float k / 255 of one 8-bit value (the same float as {@code (b & 0xff) / 255f}). */
    public static float value(byte b) {
        return VALUE[b & 0xff];
    }

    /** All values as floats k / 255. */
    public static float[] toFloats(byte[] pixels) {
        float[] out = new float[pixels.length];
        toFloats(pixels, 0, out, 0, pixels.length);
        return out;
    }

    /** {@code len} values from {@code src[from]} as floats k / 255 into {@code dst[to]}. */
    public static void toFloats(byte[] src, int from, float[] dst, int to, int len) {
        for (int i = 0; i < len; i++) dst[to + i] = VALUE[src[from + i] & 0xff];
    }
}
