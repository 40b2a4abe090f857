package org.iibalance.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.iibalance.media.LogMelSpectrogram;

/**
 * Small real tasks for the encoder tests, read straight from {@code ../shared/data}: spoken digits
 * (FSDD, 8 kHz WAV) as log-Mel spectrograms, and MNIST images.
 */
final class RealDigits {
    private RealDigits() {}

    /** Examples: flat inputs of one shape, and labels. */
    record Set(float[][] x, int[] y, long[] shape) {}

    static Path shared() {
        // skips (or, under IIBALANCE_REQUIRE_DATA / -Diibalance.requireData, fails) naming the folder when absent
        return org.iibalance.SharedData.require("fsdd", "mnist");
    }

    /**
     * Spoken digits of all speakers, takes [fromTake, toTake), as log-Mel spectrograms [1, mel, frames] of
     * {@code seconds} (cut or zero-padded), 8 kHz, 25 ms window, 10 ms hop.
     */
    static Set spokenDigits(int fromTake, int toTake, int melBins, double seconds) throws IOException {
        Path dir = shared().resolve("fsdd").resolve("recordings");
        if (!Files.isDirectory(dir)) throw new IOException("spoken digits expected at " + dir.toAbsolutePath() + " (see ../shared/data/README.md)");
        LogMelSpectrogram mel = new LogMelSpectrogram(8000, 25, 10, melBins);
        int n = (int) Math.round(8000 * seconds);
        List<float[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        for (Path f : files) {
            String[] parts = f.getFileName().toString().replace(".wav", "").split("_");
            int take = Integer.parseInt(parts[2]);
            if (take < fromTake || take >= toTake) continue;
            float[] wave = new float[n];
            float[] w = readWav(f);
            System.arraycopy(w, 0, wave, 0, Math.min(n, w.length));
            xs.add(mel.computeFlat(wave));
            ys.add(Integer.parseInt(parts[0]));
        }
        int frames = xs.get(0).length / melBins;
        return new Set(xs.toArray(new float[0][]), ys.stream().mapToInt(Integer::intValue).toArray(), new long[] {1, melBins, frames});
    }

    private static float[] readWav(Path f) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            byte[] b = in.readAllBytes();
            float[] out = new float[b.length / 2];
            for (int i = 0; i < out.length; i++) out[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768f;
            return out;
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
    }

    /** MNIST images halved to [1, 14, 14] (2x2 means), for the slower backbones. */
    static Set mnistHalf(int from, int count) throws IOException {
        Set full = mnist(from, count);
        float[][] x = new float[count][196];
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < 14; r++) {
                for (int c = 0; c < 14; c++) {
                    float[] f = full.x()[i];
                    x[i][r * 14 + c] = (f[2 * r * 28 + 2 * c] + f[2 * r * 28 + 2 * c + 1] + f[(2 * r + 1) * 28 + 2 * c] + f[(2 * r + 1) * 28 + 2 * c + 1]) / 4;
                }
            }
        }
        return new Set(x, full.y(), new long[] {1, 14, 14});
    }

    /** MNIST images [1, 28, 28] scaled to [0, 1], examples [from, from + count) of the training file. */
    static Set mnist(int from, int count) throws IOException {
        Path dir = shared().resolve("mnist");
        float[][] x = new float[count][784];
        int[] y = new int[count];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(dir.resolve("train-images-idx3-ubyte.gz")))))) {
            in.skipNBytes(16 + 784L * from);
            byte[] row = new byte[784];
            for (int i = 0; i < count; i++) {
                in.readFully(row);
                for (int j = 0; j < 784; j++) x[i][j] = (row[j] & 0xff) / 255f;
            }
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(dir.resolve("train-labels-idx1-ubyte.gz")))))) {
            in.skipNBytes(8 + (long) from);
            for (int i = 0; i < count; i++) y[i] = in.readUnsignedByte();
        }
        return new Set(x, y, new long[] {1, 28, 28});
    }
}
