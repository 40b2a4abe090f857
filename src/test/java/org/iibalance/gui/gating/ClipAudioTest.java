package org.iibalance.gui.gating;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.iibalance.config.DatasetConfig;
import org.iibalance.data.EventWindow;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.gui.util.CurrentThreadTaskExecutor;
import org.iibalance.media.MediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real clips' audio for the inspector: found from the metadata, decoded by media.ClipDecoder. */
class ClipAudioTest {
    private static final DatasetConfig DATASET = ExperimentConfig.defaults().dataset();

    /** Writes {@code seconds} of a 440 Hz tone as a 22.05 kHz mono 16-bit wav (decoding resamples it). */
    private static Path tone(Path dir, double seconds) throws Exception {
        float rate = 22050;
        int n = (int) (seconds * rate);
        byte[] pcm = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            int s = (int) Math.round(Math.sin(2 * Math.PI * 440 * i / rate) * 16000);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
        Path file = dir.resolve("tone.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), f, n), AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    @Test
    void aWavNamedByAudioFileIsDecodedAt16kHzMono(@TempDir Path dir) throws Exception {
        Path wav = tone(dir, 0.3);
        float[] a = ClipAudio.decode(DATASET, Map.of("audioFile", wav.toString(), "file", dir.resolve("video.mp4").toString()), null);
        int expected = (int) Math.round(0.3 * DATASET.audio().sampleRate());
        assertTrue(Math.abs(a.length - expected) < 200, "samples: " + a.length + ", expected about " + expected);
        float peak = 0;
        for (float v : a) peak = Math.max(peak, Math.abs(v));
        assertTrue(peak > 0.3 && peak <= 1.01, "a real tone, not silence: peak " + peak);
    }

    @Test
    void decodingFailsWithTheFileAndTheReason(@TempDir Path dir) {
        Path missing = dir.resolve("nope.wav");
        MediaException e = assertThrows(MediaException.class, () -> ClipAudio.decode(DATASET, Map.of("file", missing.toString()), null));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("missing"), e.getMessage());
        MediaException none = assertThrows(MediaException.class, () -> ClipAudio.decode(DATASET, Map.of("split", "test"), null));
        assertTrue(none.getMessage().contains("names no audio or video file"), none.getMessage());
    }

    @Test
    void metadataGivesTheSource() {
        assertEquals(Path.of("/a.wav"), ClipAudio.source(Map.of("audioFile", "/a.wav", "file", "/v.mp4")));
        assertEquals(Path.of("/v.mp4"), ClipAudio.source(Map.of("file", "/v.mp4")));
        assertNull(ClipAudio.source(Map.of()));
    }

    @Test
    void theTypedEventWindowSelectsThePartDecoded(@TempDir Path dir) throws Exception {
        Path wav = tone(dir, 0.3);
        float[] part = ClipAudio.decode(DATASET, Map.of("audioFile", wav.toString()), new EventWindow(0.1, 0.2));
        int expected = (int) Math.round(0.1 * DATASET.audio().sampleRate());
        assertTrue(Math.abs(part.length - expected) < 200, "samples of [0.1, 0.2] s: " + part.length + ", expected about " + expected);
        assertThrows(IllegalArgumentException.class, () -> new EventWindow(0.5, 0.2), "an empty window is refused");
        assertEquals("1.5-3.0 s", new EventWindow(1.5, 3.0).toString(), "shown as before");
    }

    @Test
    void theInspectorsDecoderReportsTheClipOnceWithSamplesOrTheReason(@TempDir Path dir) throws Exception {
        List<String> ready = new ArrayList<>();
        RealClipAudio audio = new RealClipAudio(new CurrentThreadTaskExecutor(), ready::add);
        Path wav = tone(dir, 0.2);
        audio.request("test-1", DATASET, Map.of("audioFile", wav.toString()), null);
        audio.request("test-1", DATASET, Map.of("audioFile", wav.toString()), null); // decoded once
        assertEquals(List.of("test-1"), ready);
        assertTrue(audio.samples("test-1").length > 3000);
        assertNull(audio.problem("test-1"));
        assertNull(audio.samples("test-2"), "another clip is not known yet");
        audio.request("test-2", DATASET, Map.of("file", dir.resolve("gone.mp4").toString()), null);
        assertEquals(List.of("test-1", "test-2"), ready);
        assertNull(audio.samples("test-2"));
        assertTrue(audio.problem("test-2").contains("gone.mp4"), audio.problem("test-2"));
        audio.forget();
        assertFalse(audio.known("test-2"), "another run: ids repeat, so nothing is kept");
    }
}
