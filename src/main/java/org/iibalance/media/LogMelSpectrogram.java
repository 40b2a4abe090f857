package org.iibalance.media;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Log-Mel spectrogram as torchaudio's {@code MelSpectrogram} computes it by default, followed by a
 * natural log: a periodic Hann window of {@code windowMs} (zero-padded to the next power-of-two FFT
 * size and centred), hop {@code hopMs}, frames centred with reflect padding, power spectrum,
 * HTK-scale triangular mel filters from 0 Hz to Nyquist without area normalisation, then
 * {@code log(mel + 1e-6)}. The paper uses a 25 ms window and a 10 ms hop at 16 kHz (Sec. V-C).
 * The FFT is JTransforms'.
 */
public final class LogMelSpectrogram {
    /** Added before the log so that silent frames stay finite. */
    public static final float LOG_OFFSET = 1e-6f;

    private final int sampleRate;
    private final int winLength;
    private final int hop;
    private final int nFft;
    private final int melBins;
    private final float[] window;
    private final float[][] filters; // [mel][nFft/2+1]
    private final int[] first; // per mel filter, first bin with a non-zero weight
    private final int[] end; // per mel filter, one past the last bin with a non-zero weight
    private final FloatFFT_1D fft;

    public LogMelSpectrogram(int sampleRate, double windowMs, double hopMs, int melBins) {
        this.sampleRate = sampleRate;
        this.winLength = (int) Math.round(sampleRate * windowMs / 1000.0);
        this.hop = Math.max(1, (int) Math.round(sampleRate * hopMs / 1000.0));
        int n = 1;
        while (n < winLength) n <<= 1;
        this.nFft = n;
        this.melBins = melBins;
        this.window = new float[nFft];
        int offset = (nFft - winLength) / 2;
        for (int i = 0; i < winLength; i++) {
            window[offset + i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / winLength)); // periodic Hann
        }
        this.filters = melFilters(sampleRate, nFft, melBins);
        // each triangle covers few bins: summing only over them gives the same sums, much faster
        this.first = new int[melBins];
        this.end = new int[melBins];
        for (int m = 0; m < melBins; m++) {
            int a = 0, b = filters[m].length;
            while (a < b && filters[m][a] == 0f) a++;
            while (b > a && filters[m][b - 1] == 0f) b--;
            first[m] = a;
            end[m] = b;
        }
        this.fft = new FloatFFT_1D(nFft);
    }

    public int nFft() {
        return nFft;
    }

    public int hopLength() {
        return hop;
    }

    public int winLength() {
        return winLength;
    }

    public int melBins() {
        return melBins;
    }

    /** Number of frames for a signal of {@code samples} samples (centred framing). */
    public int frames(int samples) {
        return samples / hop + 1;
    }

    /** The log-Mel spectrogram, [melBins][frames]. */
    public float[][] compute(float[] signal) {
        int frames = frames(signal.length);
        float[][] out = new float[melBins][frames];
        int bins = nFft / 2 + 1;
        float[] buf = new float[nFft];
        float[] power = new float[bins];
        int pad = nFft / 2;
        for (int f = 0; f < frames; f++) {
            int start = f * hop - pad;
            if (start >= 0 && start + nFft <= signal.length) {
                for (int i = 0; i < nFft; i++) buf[i] = signal[start + i] * window[i];
            } else {
                for (int i = 0; i < nFft; i++) buf[i] = reflect(signal, start + i) * window[i];
            }
            fft.realForward(buf);
            // JTransforms packs: buf[0]=Re0, buf[1]=Re(n/2), then (Re_k, Im_k) pairs
            power[0] = buf[0] * buf[0];
            power[bins - 1] = buf[1] * buf[1];
            for (int k = 1; k < bins - 1; k++) {
                float re = buf[2 * k], im = buf[2 * k + 1];
                power[k] = re * re + im * im;
            }
            for (int m = 0; m < melBins; m++) {
                float[] w = filters[m];
                double s = 0;
                for (int k = first[m], e = end[m]; k < e; k++) s += w[k] * power[k];
                out[m][f] = (float) Math.log(s + LOG_OFFSET);
            }
        }
        return out;
    }

    /** The same spectrogram flattened row-major ([mel][time]), as a clip's input array. */
    public float[] computeFlat(float[] signal) {
        float[][] m = compute(signal);
        int t = m[0].length;
        float[] flat = new float[melBins * t];
        for (int i = 0; i < melBins; i++) System.arraycopy(m[i], 0, flat, i * t, t);
        return flat;
    }

    private static float reflect(float[] x, int i) {
        int n = x.length;
        if (n == 1) return x[0];
        while (i < 0 || i >= n) {
            if (i < 0) i = -i;
            if (i >= n) i = 2 * (n - 1) - i;
        }
        return x[i];
    }

    static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    /** Triangular HTK mel filters over the rfft bins, as torchaudio's melscale_fbanks(norm=None). */
    static float[][] melFilters(int sampleRate, int nFft, int melBins) {
        int bins = nFft / 2 + 1;
        double fMax = sampleRate / 2.0;
        double[] freqs = new double[bins];
        for (int k = 0; k < bins; k++) freqs[k] = fMax * k / (bins - 1);
        double mMin = hzToMel(0), mMax = hzToMel(fMax);
        double[] pts = new double[melBins + 2];
        for (int i = 0; i < pts.length; i++) pts[i] = melToHz(mMin + (mMax - mMin) * i / (melBins + 1));
        float[][] fb = new float[melBins][bins];
        for (int m = 0; m < melBins; m++) {
            double lo = pts[m], mid = pts[m + 1], hi = pts[m + 2];
            for (int k = 0; k < bins; k++) {
                double down = (freqs[k] - lo) / (mid - lo);
                double up = (hi - freqs[k]) / (hi - mid);
                fb[m][k] = (float) Math.max(0, Math.min(down, up));
            }
        }
        return fb;
    }
}
