package org.iibalance.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * WAV reading with {@code javax.sound.sampled} and the simple waveform operations AV-MNIST needs.
 * Any PCM WAV that Java Sound can convert to signed 16-bit is accepted; several channels are
 * averaged to mono; samples are scaled to [-1, 1).
 */
final class WavAudio {
    /** A mono waveform and its sample rate. */
    record Wave(float[] samples, int sampleRate) {}

    private WavAudio() {}

    /** Reads a WAV file; an unreadable or empty file is an {@link IOException} with the reason. */
    static Wave read(Path file) throws IOException {
        String truncated = org.iibalance.media.WavHeader.truncation(file);
        if (truncated != null) throw new IOException(truncated);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream src = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat f = src.getFormat();
            int ch = f.getChannels();
            float rate = f.getSampleRate();
            if (ch < 1 || rate <= 0 || rate == AudioSystem.NOT_SPECIFIED) throw new IOException("unsupported WAV format " + f);
            AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, ch, 2 * ch, rate, false);
            AudioInputStream in = f.matches(pcm16) ? src : AudioSystem.getAudioInputStream(pcm16, src);
            byte[] b = in.readAllBytes();
            int frames = b.length / (2 * ch);
            if (frames == 0) throw new IOException("no audio samples");
            float[] out = new float[frames];
            for (int t = 0; t < frames; t++) {
                int s = 0;
                for (int c = 0; c < ch; c++) {
                    int o = (t * ch + c) * 2;
                    s += (short) ((b[o] & 0xff) | (b[o + 1] << 8));
                }
                out[t] = s / (32768f * ch);
            }
            return new Wave(out, Math.round(rate));
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("not a readable WAV file (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot convert to 16-bit PCM (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Resamples by linear interpolation between neighbouring samples. Output length is
     * {@code round(n * to / from)}. Adequate for upsampling (8 kHz FSDD to 16 kHz adds no content
     * above 4 kHz); it does not low-pass, so downsampling with it would alias.
     */
    static float[] resampleLinear(float[] x, int from, int to) {
        if (from == to) return x.clone();
        int n = x.length;
        int m = (int) Math.round((double) n * to / from);
        float[] y = new float[m];
        double step = (double) from / to;
        for (int i = 0; i < m; i++) {
            double pos = i * step;
            int i0 = (int) pos;
            if (i0 >= n - 1) {
                y[i] = x[n - 1];
            } else {
                double frac = pos - i0;
                y[i] = (float) (x[i0] * (1 - frac) + x[i0 + 1] * frac);
            }
        }
        return y;
    }

    /** The first {@code length} samples, zero-padded at the end when shorter. */
    static float[] fitLength(float[] x, int length) {
        float[] y = new float[length];
        System.arraycopy(x, 0, y, 0, Math.min(length, x.length));
        return y;
    }

    /** Root mean square of the samples. */
    static double rms(float[] x) {
        double s = 0;
        for (float v : x) s += (double) v * v;
        return x.length == 0 ? 0 : Math.sqrt(s / x.length);
    }
}
