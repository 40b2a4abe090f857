package org.iibalance.media;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iibalance.media.MediaFixtures.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A truncated WAV is reported by the FFmpeg path too (CREMA-D's AudioWAV goes through it), not read silently. */
class WavHeaderTest {
    @Test
    void theDecoderReportsATruncatedWavAndReadsAWholeOne(@TempDir Path tmp) throws Exception {
        Path wav = MediaFixtures.write(tmp.resolve("tone.wav"), Spec.small().noVideo().seconds(1.0));
        assertNull(WavHeader.truncation(wav));
        MediaRecipe recipe = MediaRecipe.of(org.iibalance.config.ExperimentConfig.defaults().dataset());
        ClipDecoder d = new ClipDecoder(recipe);
        assertTrue(d.decode(wav, true, false, 0, 0).samples().length > 1000);
        byte[] all = Files.readAllBytes(wav);
        Path cut = tmp.resolve("cut.wav");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertTrue(WavHeader.truncation(cut).startsWith("truncated WAV"));
        MediaException e = assertThrows(MediaException.class, () -> d.decode(cut, true, false, 0, 0));
        assertTrue(e.getMessage().contains("truncated WAV: its header says"), e.getMessage());
    }

    @Test
    void notAWavIsLeftToTheDecoder(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("x.wav");
        Files.writeString(f, "hello");
        assertNull(WavHeader.truncation(f));
    }
}
