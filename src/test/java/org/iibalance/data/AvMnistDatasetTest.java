package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.Tag;
import org.iibalance.NeedsSharedData;
import org.iibalance.SharedData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.iibalance.config.DatasetConfig;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AV-MNIST from the real MNIST and FSDD files in the shared data folder. */
@Tag("slow")
@NeedsSharedData({"mnist", "fsdd/recordings"})
class AvMnistDatasetTest {
    private static Path data;
    private static MultimodalDataset small;
    private static final List<String> smallProgress = new java.util.ArrayList<>();

    @BeforeAll
    static void loadSmall() throws DatasetException {
        data = sharedData();
        small = new AvMnistDataset().load(config(data.toString(), 500, 100, 200, 42), smallProgress::add);
    }

    /** The shared data folder with mnist/ and fsdd/recordings/ (skips, or fails under -Diibalance.requireData=true, without them). */
    static Path sharedData() {
        return SharedData.require("mnist", "fsdd/recordings");
    }

    static ExperimentConfig config(String root, int maxTrain, int maxVal, int maxTest, long seed) {
        ExperimentConfig c = ExperimentConfig.defaults();
        DatasetConfig d = c.dataset();
        DatasetConfig nd = new DatasetConfig(AvMnistDataset.KIND, root, maxTrain, maxVal, maxTest, d.audio(), d.visual(), d.synthetic(),
                d.avmnist(), d.cacheDir(), d.media());
        return new ExperimentConfig(c.name(), seed, c.device(), c.threads(), nd, c.model(), c.method(), c.training(), c.output());
    }

    @Test
    void smallLoadHasSplitsShapesLabelsAndDisjointSpeakers() {
        assertEquals(500, small.train().size());
        assertEquals(100, small.val().size());
        assertEquals(200, small.test().size());
        assertEquals(List.of("audio", "visual"), small.modalityNames());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), small.classNames());
        assertArrayEquals(new long[] {1, 32, 101}, small.modalities().get(0).shape());
        assertArrayEquals(new long[] {1, 1, 28, 28}, small.modalities().get(1).shape());
        assertTrue(small.skipped().isEmpty(), () -> "skipped: " + small.skipped());
        assertEquals(Set.of("jackson", "nicolas", "theo"), speakers(small.train()));
        assertEquals(Set.of("george"), speakers(small.val()));
        assertEquals(Set.of("yweweler"), speakers(small.test()));
        for (List<Clip> split : List.of(small.train(), small.val(), small.test())) {
            for (Clip c : split) {
                assertTrue(c.label() >= 0 && c.label() <= 9);
                assertEquals(small.modalities().get(0).size(), c.input(0).length);
                assertEquals(small.modalities().get(1).size(), c.input(1).length);
                String wav = c.meta().get("audioFile");
                assertTrue(Path.of(wav).isAbsolute() && Files.isRegularFile(Path.of(wav)), wav);
                assertEquals(c.label(), FsddRecordings.digitOf(wav), () -> c.id() + " paired with " + wav);
                for (float v : c.input(0)) assertTrue(Float.isFinite(v));
            }
        }
        assertEquals("train-00042", small.train().get(42).id());
        assertEquals("55003", small.val().get(3).meta().get("mnistIndex"));
        assertEquals("val", small.val().get(3).meta().get("split"));
    }

    @Test
    void consecutiveImagesOfADigitTakeTheNextRecording() {
        // the first two training images of the same digit pair with different recordings (cycling cursor)
        Set<String> first = new HashSet<>();
        for (Clip c : small.train()) {
            if (c.label() == small.train().get(0).label()) first.add(c.meta().get("audioFile"));
        }
        long sameDigit = small.train().stream().filter(c -> c.label() == small.train().get(0).label()).count();
        assertEquals(Math.min(sameDigit, 150), first.size());
    }

    @Test
    void visualModalityIsAPcaReconstructionNotTheRawPixels() {
        // raw MNIST has at most 256 grey levels (so at most 256 distinct standardised values);
        // a reconstruction from 196 components has smooth non-zero background everywhere
        Set<Float> distinct = new HashSet<>();
        for (float v : small.train().get(0).input(1)) distinct.add(v);
        assertTrue(distinct.size() > 300, "distinct values " + distinct.size());
    }

    @Test
    void pcaOnAPlaneKeepsWhatTwoComponentsSpan() {
        // points on the plane z = x + y (spanned by (1,0,1) and (0,1,1)), offset by (1,2,3)
        java.util.Random r = new java.util.Random(3);
        float[][] x = new float[200][];
        for (int i = 0; i < x.length; i++) {
            double a = r.nextGaussian() * 3, b = r.nextGaussian();
            x[i] = new float[] {(float) (1 + a), (float) (2 + b), (float) (3 + a + b)};
        }
        float[][] two = Pca.fitAndReconstruct(x, 2, x);
        float[][] one = Pca.fitAndReconstruct(x, 1, x);
        double e2 = 0, e1 = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                e2 += Math.pow(two[i][j] - x[i][j], 2);
                e1 += Math.pow(one[i][j] - x[i][j], 2);
            }
        }
        assertTrue(e2 / x.length < 1e-8, "2 components reconstruct the plane exactly, error " + e2);
        assertTrue(e1 / x.length > 0.5, "1 component loses the second direction, error " + e1);
        Pca p = Pca.fit(x, 2);
        assertEquals(2, p.kept());
        assertEquals(1.0, p.explainedVariance(), 1e-6);
    }

    @Test
    void pcaOnMnistRemovesInformationAndHonoursTheFraction() throws DatasetException {
        float[][] img = MnistIdx.images(data.resolve("mnist").resolve(AvMnistDataset.TRAIN_IMAGES), 3000);
        assertEquals(3000, img.length);
        assertEquals(784, img[0].length);
        int k = (int) Math.round(0.25 * 784);
        Pca p = Pca.fit(img, k);
        assertEquals(196, p.kept());
        double err = 0, full = 0;
        Pca all = Pca.fit(img, 784);
        for (int i = 0; i < 200; i++) {
            float[] rec = p.reconstruct(img[i]), exact = all.reconstruct(img[i]);
            for (int j = 0; j < 784; j++) {
                err += Math.pow(rec[j] - img[i][j], 2);
                full += Math.pow(exact[j] - img[i][j], 2);
            }
        }
        assertTrue(err / 200 > 1.0, "196 components lose information, mean squared error per image " + err / 200);
        assertTrue(full / 200 < 1e-6, "784 components reconstruct exactly, error " + full / 200);
        assertTrue(p.explainedVariance() > 0.8 && p.explainedVariance() < 1.0, "explained " + p.explainedVariance());
    }

    @Test
    void componentsForEnergyIsTheFewestLeadingComponentsReachingTheShare() {
        double[] v = {4, 3, 2, 1, -0.5}; // total 10 (a negative eigenvalue counts as 0)
        assertEquals(1, Pca.componentsForEnergy(v, 0.25)); // 4/10 already >= 25%
        assertEquals(1, Pca.componentsForEnergy(v, 0.4));
        assertEquals(2, Pca.componentsForEnergy(v, 0.5)); // 7/10
        assertEquals(2, Pca.componentsForEnergy(v, 0.7));
        assertEquals(3, Pca.componentsForEnergy(v, 0.71)); // 9/10
        assertEquals(4, Pca.componentsForEnergy(v, 1.0));
    }

    @Test
    void defaultKeepsAQuarterOfTheVarianceAtTheNativeRate() {
        // the default dataset.avmnist.keepEnergy 0.25 ("75% of the energy removed") keeps 4 of 784
        // components on the 55000 training images (3 keep less than 25%)
        assertTrue(smallProgress.stream().anyMatch(l -> l.contains("PCA keeps 4 of 784 components, 28.3% of the training variance")),
                () -> String.join("\n", smallProgress));
        // native 8 kHz: a 10 ms hop is 80 samples, so one second gives 101 frames, as at 16 kHz
        assertArrayEquals(new long[] {1, 32, 101}, small.modalities().get(0).shape());
    }

    @Test
    void energyOnMnistKeepsFewComponentsAndTheFewestThatReachTheShare() throws DatasetException {
        float[][] img = MnistIdx.images(data.resolve("mnist").resolve(AvMnistDataset.TRAIN_IMAGES), 3000);
        Pca p = Pca.fitEnergy(img, 0.25);
        assertTrue(p.kept() >= 2 && p.kept() <= 8, "kept " + p.kept());
        assertTrue(p.explainedVariance() >= 0.25, "explained " + p.explainedVariance());
        assertTrue(Pca.fit(img, p.kept() - 1).explainedVariance() < 0.25, "one component fewer stays below 25%");
        int half = Pca.fitEnergy(img, 0.5).kept(), most = Pca.fitEnergy(img, 0.9).kept();
        assertTrue(half >= 7 && half <= 16 && most >= 50 && most <= 120, "50%: " + half + ", 90%: " + most + " components");
    }

    @Test
    void legacyComponentFractionAndAnotherRateStillWork() throws DatasetException {
        ExperimentConfig base = config(data.toString(), 20, 5, 5, 42);
        DatasetConfig d = base.dataset();
        DatasetConfig nd = new DatasetConfig(d.kind(), d.root(), d.maxTrain(), d.maxVal(), d.maxTest(), d.audio(), d.visual(), d.synthetic(),
                new DatasetConfig.AvMnistConfig(0.25, 0, 0.25, 16000), d.cacheDir(), d.media());
        ExperimentConfig legacy = new ExperimentConfig(base.name(), base.seed(), base.device(), base.threads(), nd, base.model(), base.method(),
                base.training(), base.output());
        List<String> progress = new java.util.ArrayList<>();
        MultimodalDataset l = new AvMnistDataset().load(legacy, progress::add);
        assertTrue(progress.stream().anyMatch(s -> s.contains("PCA keeps 196 of 784 components, 96.")), () -> String.join("\n", progress));
        assertArrayEquals(new long[] {1, 32, 101}, l.modalities().get(0).shape());
        assertTrue(progress.stream().anyMatch(s -> s.contains("resampled to 16000 Hz")), () -> String.join("\n", progress));
        assertTrue(smallProgress.stream().anyMatch(s -> s.contains("at FSDD's native 8000 Hz")), () -> String.join("\n", smallProgress));
    }

    @Test
    void wavIsReadAtItsRateAndResamplingDoublesTheLength(@TempDir Path tmp) throws Exception {
        Path real = data.resolve("fsdd/recordings/0_jackson_0.wav");
        long frames;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(real.toFile())) {
            frames = in.getFrameLength();
            assertEquals(8000f, in.getFormat().getSampleRate());
        }
        WavAudio.Wave w = WavAudio.read(real);
        assertEquals(8000, w.sampleRate());
        assertEquals(frames, w.samples().length);
        assertEquals(2 * w.samples().length, WavAudio.resampleLinear(w.samples(), 8000, 16000).length);

        // a known 800-sample ramp written by Java Sound reads back exactly and interpolates linearly
        byte[] pcm = new byte[1600];
        for (int i = 0; i < 800; i++) {
            short s = (short) (i * 40);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        Path f = tmp.resolve("ramp.wav");
        AudioFormat fmt = new AudioFormat(8000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), fmt, 800), AudioFileFormat.Type.WAVE, f.toFile());
        WavAudio.Wave ramp = WavAudio.read(f);
        assertEquals(800, ramp.samples().length);
        assertEquals(400 * 40 / 32768f, ramp.samples()[400], 1e-7);
        float[] up = WavAudio.resampleLinear(ramp.samples(), 8000, 16000);
        assertEquals(1600, up.length);
        assertEquals((ramp.samples()[10] + ramp.samples()[11]) / 2, up[21], 1e-6);
    }

    @Test
    void sameSeedGivesIdenticalArraysAndAnotherSeedOtherNoise() throws DatasetException {
        MultimodalDataset again = new AvMnistDataset().load(config(data.toString(), 20, 5, 5, 42), s -> {});
        MultimodalDataset other = new AvMnistDataset().load(config(data.toString(), 20, 5, 5, 7), s -> {});
        // standardisation uses train statistics, so compare raw-equivalent: same seed and size -> identical
        MultimodalDataset again2 = new AvMnistDataset().load(config(data.toString(), 20, 5, 5, 42), s -> {});
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(again.train().get(i).input(0), again2.train().get(i).input(0));
            assertArrayEquals(again.train().get(i).input(1), again2.train().get(i).input(1));
        }
        assertEquals(again.contentFingerprint(), again2.contentFingerprint());
        assertNotEquals(again.contentFingerprint(), other.contentFingerprint(), "other noise, other contents");
        assertFalse(java.util.Arrays.equals(again.train().get(0).input(0), other.train().get(0).input(0)));
        assertEquals(again.train().get(0).meta(), other.train().get(0).meta());
    }

    @Test
    void missingRootNamesThePath(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-root");
        DatasetException e = assertThrows(DatasetException.class, () -> new AvMnistDataset().load(config(missing.toString(), 5, 5, 5, 1), s -> {}));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("dataset.root"), e.getMessage());
    }

    @Test
    void missingMnistFileAndTruncatedIdxAreNamed(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("mnist"));
        Files.createDirectories(root.resolve("fsdd/recordings"));
        DatasetException e = assertThrows(DatasetException.class, () -> new AvMnistDataset().load(config(root.toString(), 5, 5, 5, 1), s -> {}));
        assertTrue(e.getMessage().contains(root.resolve("mnist").resolve(AvMnistDataset.TRAIN_IMAGES).toString()), e.getMessage());

        Path cut = tmp.resolve("cut-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(data.resolve("mnist").resolve(AvMnistDataset.TEST_IMAGES));
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DatasetException t = assertThrows(DatasetException.class, () -> MnistIdx.images(cut, 0));
        assertTrue(t.getMessage().contains(cut.toString()), t.getMessage());
    }

    @Test
    void corruptWavIsSkippedAndTheRestLoads(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Path mnist = Files.createDirectories(root.resolve("mnist"));
        Path rec = Files.createDirectories(root.resolve("fsdd/recordings"));
        for (String f : List.of(AvMnistDataset.TRAIN_IMAGES, AvMnistDataset.TRAIN_LABELS, AvMnistDataset.TEST_IMAGES, AvMnistDataset.TEST_LABELS)) {
            Files.copy(data.resolve("mnist").resolve(f), mnist.resolve(f)); // temp copy, deleted after the test
        }
        for (int digit = 0; digit < 10; digit++) {
            for (String sp : List.of("jackson", "nicolas", "theo", "george", "yweweler")) {
                String name = digit + "_" + sp + "_0.wav";
                Files.copy(data.resolve("fsdd/recordings").resolve(name), rec.resolve(name));
            }
        }
        Path garbage = rec.resolve("3_theo_1.wav");
        Files.write(garbage, "this is not a wav file at all, just some bytes".getBytes());
        MultimodalDataset d = new AvMnistDataset().load(config(root.toString(), 40, 10, 10, 5), s -> {});
        assertEquals(40, d.train().size());
        assertEquals(10, d.val().size());
        assertEquals(10, d.test().size());
        assertEquals(1, d.skipped().size(), d.skipped().toString());
        assertEquals(garbage.toAbsolutePath().toString(), d.skipped().get(0).file());
        for (Clip c : d.train()) assertNotEquals(garbage.toAbsolutePath().toString(), c.meta().get("audioFile"));
    }

    private static Set<String> speakers(List<Clip> clips) {
        Set<String> s = new HashSet<>();
        for (Clip c : clips) s.add(c.meta().get("speaker"));
        return s;
    }
}
