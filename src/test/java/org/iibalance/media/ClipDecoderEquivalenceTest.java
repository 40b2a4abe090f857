package org.iibalance.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iibalance.SharedData;
import org.iibalance.config.DatasetConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoder that keeps frames 8-bit and copies audio in bulk gives exactly the values of the decoder
 * before that change ({@link ReferenceClipDecoder}, commit ac3e006): same samples, same frames (as
 * floats k/255), same number of decoded frames, on real clips at the paper recipe and on windows and
 * frame rates that make targets repeat a frame.
 */
@Tag("slow")
class ClipDecoderEquivalenceTest {
    @TempDir
    Path dir;

    private static MediaRecipe recipe(int frames, double fps, int size, double seconds) {
        return new MediaRecipe(new DatasetConfig.AudioConfig(16000, seconds, 25, 10, 64),
                new DatasetConfig.VisualConfig(frames, fps, size, 0, DatasetConfig.AugmentConfig.defaults()), "tile");
    }

    private static void assertSame(MediaRecipe r, Path f, boolean audio, boolean video, double start, double end) throws Exception {
        ClipDecoder.Decoded now = new ClipDecoder(r).decode(f, audio, video, start, end);
        ReferenceClipDecoder.Decoded before = new ReferenceClipDecoder(r).decode(f, audio, video, start, end);
        String what = f.getFileName() + " " + r.visual() + " window [" + start + ", " + end + "]";
        assertEquals(before.videoFrames(), now.videoFrames(), what);
        assertArrayEquals(before.samples(), now.samples(), 0f, what + ": samples");
        assertArrayEquals(before.frames(), now.frames(), 0f, what + ": frames");
        if (video) {
            byte[] p = now.pixels();
            float[] f0 = before.frames();
            for (int i = 0; i < p.length; i += 997) assertEquals(f0[i] * 255f, p[i] & 0xff, 1e-3, "8-bit value " + i);
        }
    }

    @Test
    void realClipsAtThePaperRecipeAndTheCpuRecipeGiveTheSameValues() throws Exception {
        Path clips = SharedData.require("avmnist-clips").resolve("avmnist-clips");
        List<Path> files;
        try (Stream<Path> s = Files.walk(clips)) {
            files = s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i += files.size() / 6) {
            Path f = files.get(i);
            assertSame(recipe(1, 16, 224, 1.0), f, true, true, 0, 0); // the paper's 16 fps, 224 px
            assertSame(recipe(3, 0, 28, 0.5), f, true, true, 0, 0); // clips.yaml
            assertSame(recipe(1, 16, 112, 1.5), f, false, true, 0, 0); // frames alone, targets past the end repeat the last frame
            assertSame(recipe(1, 16, 112, 1.0), f, true, false, 0.1, 0.4); // audio alone, in a window
        }
    }

    @Test
    void windowsAndRepeatedFramesGiveTheSameValues() throws Exception {
        Path f = MediaFixtures.write(dir.resolve("w.mp4"), MediaFixtures.Spec.small().seconds(2).audio(44100, 2));
        assertSame(recipe(1, 16, 32, 1.0), f, true, true, 0, 0); // 16 fps targets on a 10 fps clip: frames repeat
        assertSame(recipe(4, 0, 24, 1.0), f, true, true, 0.5, 1.7);
        assertSame(recipe(1, 25, 16, 0.6), f, true, true, 1.0, 1.5);
    }
}
