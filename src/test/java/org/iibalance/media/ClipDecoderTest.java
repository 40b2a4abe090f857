package org.iibalance.media;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.iibalance.config.DatasetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipDecoderTest {
    @TempDir
    Path dir;

    static MediaRecipe recipe(int frames, double fps, int size, double seconds) {
        return new MediaRecipe(new DatasetConfig.AudioConfig(16000, seconds, 25, 10, 32), new DatasetConfig.VisualConfig(frames, fps, size, 0, DatasetConfig.AugmentConfig.defaults()), "tile");
    }

    @Test
    void evenlySpreadFramesAndAudioAt16k() throws Exception {
        // 1 s at 10 fps, 44.1 kHz stereo: resampled to 16 kHz mono
        Path f = MediaFixtures.write(dir.resolve("a.mp4"), MediaFixtures.Spec.small().audio(44100, 2));
        ClipDecoder.Decoded d = new ClipDecoder(recipe(3, 0, 24, 1.0)).decode(f, true, true, 0, 0);
        assertEquals(3 * 3 * 24 * 24, d.frames().length);
        assertEquals(9, d.videoFrames(), "decoding stops at frame 8, the one nearest the last target (0.83 s)");
        // targets at 1/6, 1/2, 5/6 s -> source frames 2 (or 1), 5, 8
        int plane = 24 * 24;
        int[] expected = {MediaFixtures.red(2), MediaFixtures.red(5), MediaFixtures.red(8)};
        for (int t = 0; t < 3; t++) {
            float r = d.frames()[t * 3 * plane + plane / 2] * 255;
            float g = d.frames()[t * 3 * plane + plane + plane / 2] * 255;
            assertEquals(expected[t], r, 12, "red of frame " + t);
            assertEquals(100, g, 12, "green of frame " + t);
        }
        assertEquals(16000, d.samples().length, 16000 * 0.03, "about 1 s of samples at 16 kHz");
    }

    @Test
    void framesAtAFixedRateHoldTheLastFrame() throws Exception {
        Path f = MediaFixtures.write(dir.resolve("b.mkv"), MediaFixtures.Spec.small());
        // 5 fps over 2 s of audio span = 10 targets at 0, 0.2, ..., 1.8 s; the clip lasts 1 s
        ClipDecoder.Decoded d = new ClipDecoder(recipe(1, 5, 16, 2.0)).decode(f, false, true, 0, 0);
        int plane = 16 * 16;
        assertEquals(10 * 3 * plane, d.frames().length);
        for (int t = 0; t < 10; t++) {
            int src = Math.min(9, 2 * t);
            assertEquals(MediaFixtures.red(src), d.frames()[t * 3 * plane] * 255, 12, "frame " + t);
        }
    }

    @Test
    void windowCutsAudioAndFrames() throws Exception {
        Path f = MediaFixtures.write(dir.resolve("c.mp4"), MediaFixtures.Spec.small().seconds(2));
        ClipDecoder.Decoded d = new ClipDecoder(recipe(2, 0, 16, 1.0)).decode(f, true, true, 1.0, 1.5);
        assertEquals(8000, d.samples().length, 400, "0.5 s window at 16 kHz");
        int plane = 16 * 16;
        // targets 1.125 s and 1.375 s -> frames 11 and 14 (nearest at 10 fps)
        assertEquals(MediaFixtures.red(11), d.frames()[plane / 2] * 255, 12);
        assertEquals(MediaFixtures.red(14), d.frames()[3 * plane + plane / 2] * 255, 12);
    }

    @Test
    void wavAndFlv() throws Exception {
        Path w = MediaFixtures.write(dir.resolve("a.wav"), MediaFixtures.Spec.small().audio(22050, 1).noVideo());
        ClipDecoder dec = new ClipDecoder(recipe(1, 0, 16, 1.0));
        assertEquals(16000, dec.decode(w, true, false, 0, 0).samples().length, 40);
        Path v = MediaFixtures.write(dir.resolve("a.flv"), MediaFixtures.Spec.small());
        assertEquals(3 * 16 * 16, dec.decode(v, false, true, 0, 0).frames().length);
    }

    @Test
    void missingTracksAreReported() throws Exception {
        Path silent = MediaFixtures.write(dir.resolve("silent.mp4"), MediaFixtures.Spec.small().noAudio());
        ClipDecoder dec = new ClipDecoder(recipe(1, 0, 16, 1.0));
        MediaException e = assertThrows(MediaException.class, () -> dec.decode(silent, true, true, 0, 0));
        assertEquals("no audio track", e.getMessage());
        Path wav = MediaFixtures.write(dir.resolve("x.wav"), MediaFixtures.Spec.small().noVideo());
        assertEquals("no video track", assertThrows(MediaException.class, () -> dec.decode(wav, false, true, 0, 0)).getMessage());
    }
}
