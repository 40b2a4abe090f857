package org.iibalance.media;

import java.util.Arrays;

/** Brings a waveform to a fixed length: longer ones are cut, shorter ones tiled or padded with silence. */
public final class AudioFit {
    private AudioFit() {}

    /**
     * Returns exactly {@code n} samples: the first {@code n} of {@code x}, or {@code x} repeated
     * ({@code tile}) or followed by zeros (otherwise).
     */
    public static float[] fit(float[] x, int n, boolean tile) {
        if (x.length >= n) return x.length == n ? x : Arrays.copyOf(x, n);
        float[] y = new float[n];
        if (x.length == 0) return y;
        if (!tile) {
            System.arraycopy(x, 0, y, 0, x.length);
            return y;
        }
        for (int o = 0; o < n; o += x.length) System.arraycopy(x, 0, y, o, Math.min(x.length, n - o));
        return y;
    }
}
