package org.iibalance.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * LogMelSpectrogram against a standard implementation.
 *
 * <p>The reference numbers below were produced by {@code bench/logmel_reference.py} with Debian's
 * python3-torch 1.13.1 ({@code /usr/bin/python3 bench/logmel_reference.py}). torchaudio is not
 * installed on this machine, so the script rebuilds torchaudio's {@code MelSpectrogram} default path
 * with plain torch: {@code torch.stft(n_fft=512, hop=160, win_length=400, periodic Hann, center=True,
 * pad_mode="reflect")}, power 2, an HTK mel filterbank written as in
 * {@code torchaudio.functional.melscale_fbanks(norm=None, mel_scale="htk", f_min=0, f_max=8000)}, then
 * {@code log(mel + 1e-6)}, in float64 on the same float32 signal (0.25 s at 16 kHz, two sines and a chirp).
 */
class LogMelSpectrogramTest {
    static float[] signal() {
        int sr = 16000, n = 4000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / sr;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * t) + 0.25 * Math.sin(2 * Math.PI * 1234.5 * t + 0.3)
                    + 0.1 * Math.sin(2 * Math.PI * (200 + 3000.0 * i / n) * t));
        }
        return x;
    }

    @Test
    void matchesTorchReference() {
        LogMelSpectrogram mel = new LogMelSpectrogram(16000, 25, 10, 32);
        assertEquals(512, mel.nFft());
        assertEquals(400, mel.winLength());
        assertEquals(160, mel.hopLength());
        float[][] s = mel.compute(signal());
        assertEquals(32, s.length);
        assertEquals(26, s[0].length);
        int[] mels = {0, 5, 15, 31};
        int[] frames = {0, 7, 12, 25};
        double[][] ref = {
            {5.12336, -8.2049, -8.15396, 3.80013},
            {7.5731, 7.99085, 7.99085, 7.61163},
            {2.84894, 3.32957, -8.67553, 0.76625},
            {-1.46533, -13.8154, -13.81544, 0.25519},
        };
        for (int i = 0; i < mels.length; i++) {
            for (int j = 0; j < frames.length; j++) {
                // log of tiny energies (near the 1e-6 floor) is sensitive to float32 FFT rounding
                double tol = ref[i][j] > -6 ? 2e-4 : 2e-2;
                assertEquals(ref[i][j], s[mels[i]][frames[j]], tol, "mel " + mels[i] + ", frame " + frames[j]);
            }
        }
        double mean = 0;
        for (float[] row : s) for (float v : row) mean += v;
        assertEquals(-4.628242, mean / (32 * 26), 2e-3);
    }

    @Test
    void atFsddsNative8kHzEveryMelFilterCoversAnFftBinUpTo4kHz() {
        // AV-MNIST's default: 8 kHz, 25 ms window (200 samples -> 256-point FFT, 31.25 Hz bins), 32 mel bins
        LogMelSpectrogram m = new LogMelSpectrogram(8000, 25, 10, 32);
        assertEquals(256, m.nFft());
        assertEquals(80, m.hopLength());
        assertEquals(101, m.frames(8000));
        float[][] fb = LogMelSpectrogram.melFilters(8000, 256, 32);
        for (int f = 0; f < fb.length; f++) {
            float sum = 0;
            for (float w : fb[f]) sum += w;
            org.junit.jupiter.api.Assertions.assertTrue(sum > 0, "mel filter " + f + " covers no FFT bin");
        }
        // the top filter peaks just below the Nyquist frequency, 4 kHz, and reaches the last bin (4000 Hz) with weight 0
        org.junit.jupiter.api.Assertions.assertTrue(fb[31][127] > 0 && fb[31][128] == 0f);
    }
}
