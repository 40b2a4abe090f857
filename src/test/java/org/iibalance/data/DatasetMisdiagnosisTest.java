package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.media.MediaFixtures;
import org.iibalance.media.MediaFixtures.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13's misdiagnoses in the data layer: one class, names FFmpeg could not be given, truncated WAVs. */
class DatasetMisdiagnosisTest {
    @TempDir
    Path tmp;

    ExperimentConfig clips(Path root) throws Exception {
        return ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of("dataset.kind=clips", "dataset.root=" + root,
                "dataset.cacheDir=" + tmp.resolve("cache"), "dataset.visual.frames=2", "dataset.visual.size=16", "dataset.audio.seconds=0.5",
                "dataset.media.split=stratified", "dataset.media.valFraction=0.34", "dataset.media.testFraction=0.34"));
    }

    @Test
    void aOneClassDatasetIsRefusedAsSuch() throws Exception {
        Path root = tmp.resolve("one");
        for (int i = 0; i < 3; i++) {
            Path f = root.resolve("cat").resolve("cat_" + i + ".mp4");
            Files.createDirectories(f.getParent());
            MediaFixtures.write(f, Spec.small().seconds(0.6));
        }
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load(clips(root), s -> {}));
        assertTrue(e.getMessage().contains("only one class ('cat')") && e.getMessage().contains("at least 2 classes"), e.getMessage());
    }

    /**
     * A clip whose name is not valid in the platform encoding (here: Latin-1 bytes on a UTF-8 system,
     * made by the shell) is a valid clip; it was reported "cannot open (corrupt, ...)" because FFmpeg
     * got the name as a re-encoded Java string.
     */
    @Test
    void aClipWhoseNameIsNotValidInThePlatformEncodingIsUsed() throws Exception {
        Path root = tmp.resolve("names");
        for (String c : List.of("a", "b")) {
            for (int i = 0; i < 3; i++) {
                Path f = root.resolve(c).resolve(c + "_" + i + ".mp4");
                Files.createDirectories(f.getParent());
                MediaFixtures.write(f, Spec.small().seconds(0.6).green(c.equals("a") ? 50 : 200));
            }
        }
        // rename a/a_0.mp4 to "caf\xe9 0.mp4" (one byte 0xE9: not UTF-8) outside Java, which cannot name it
        Process p = new ProcessBuilder("sh", "-c", "mv a_0.mp4 \"$(printf 'caf\\351 0.mp4')\"").directory(root.resolve("a").toFile()).start();
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
        try (Stream<Path> s = Files.list(root.resolve("a"))) {
            assertTrue(s.anyMatch(f -> f.getFileName().toString().startsWith("caf") && Files.isRegularFile(f)), "the odd name exists");
        }
        MultimodalDataset d = Datasets.load(clips(root), s -> {});
        assertTrue(d.skipped().isEmpty(), "nothing skipped: " + d.skipped());
        assertEquals(6, d.train().size() + d.val().size() + d.test().size());
    }

    /** Issue 13: under LANG=C any non-ASCII clip name (here "café") was reported "cannot open (corrupt, ...)". */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void accentedClipNamesLoadUnderLangC() throws Exception {
        Path root = tmp.resolve("accents");
        for (String c : List.of("a", "b")) {
            for (int i = 0; i < 3; i++) {
                Path f = root.resolve(c).resolve("caf\u00e9_" + i + ".mp4");
                Files.createDirectories(f.getParent());
                MediaFixtures.write(f, Spec.small().seconds(0.6).green(c.equals("a") ? 50 : 200));
            }
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"), "org.iibalance.cli.Main", "datasets", "check",
                "--set", "dataset.kind=clips", "--set", "dataset.root=" + root, "--set", "dataset.cacheDir=" + tmp.resolve("cacheC"),
                "--set", "dataset.media.split=stratified", "--set", "dataset.visual.size=16").redirectErrorStream(true);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("skipped: 0 file(s)") && !out.contains("corrupt"), out);
    }

    @Test
    void aWavWhoseHeaderClaimsMoreDataThanTheFileHoldsIsReported() throws Exception {
        Path wav = tmp.resolve("tone.wav");
        byte[] pcm = new byte[8000 * 2];
        for (int i = 0; i < 8000; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat f = new AudioFormat(8000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), f, 8000), AudioFileFormat.Type.WAVE, wav.toFile());
        assertEquals(8000, WavAudio.read(wav).samples().length, "the whole file reads");
        byte[] all = Files.readAllBytes(wav);
        Path cut = tmp.resolve("cut.wav");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 6000));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> WavAudio.read(cut));
        assertTrue(e.getMessage().contains("truncated WAV") && e.getMessage().contains("16000 bytes") && e.getMessage().contains("holds 10000"),
                e.getMessage());
    }
}
