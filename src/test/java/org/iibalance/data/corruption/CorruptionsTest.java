package org.iibalance.data.corruption;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iibalance.data.Clip;
import org.iibalance.data.ModalitySpec;
import org.junit.jupiter.api.Test;

/** Each corruption does what its spec says, checked by hand-computable figures. */
class CorruptionsTest {
    private static final ModalitySpec AUDIO = new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, 8, 50});
    private static final ModalitySpec VISUAL = new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {4, 3, 20, 20});

    private static float[] signal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (Math.sin(i * 0.3) * 2 + r.nextGaussian() * 0.1);
        return x;
    }

    @Test
    void whiteNoiseHasTheRequestedSnr() {
        float[] x = signal(AUDIO.size() * 20, 1);
        for (double snr : new double[] {20, 0, -10}) {
            float[] y = CorruptionSpec.parse("audio-noise:snr=" + snr).apply(x, AUDIO, new SplittableRandom(7));
            double ps = 0, pn = 0;
            for (int i = 0; i < x.length; i++) {
                ps += x[i] * x[i];
                pn += (y[i] - x[i]) * (y[i] - x[i]);
            }
            double measured = 10 * Math.log10(ps / pn);
            assertEquals(snr, measured, 0.2, "SNR of the result at " + snr + " dB");
        }
    }

    @Test
    void occlusionCoversSizeSquaredOfEachFrameWithGrey() {
        float[] x = new float[VISUAL.size()];
        java.util.Arrays.fill(x, 3f);
        float[] y = CorruptionSpec.parse("visual-occlude:size=0.5").apply(x, VISUAL, new SplittableRandom(3));
        int grey = 0;
        for (float v : y) if (v == 0f) grey++;
        assertEquals(0.25, (double) grey / y.length, 1e-9, "a 10x10 square of a 20x20 frame, in every frame and channel");
        // the same square in every plane
        for (int p = 1; p < 12; p++) for (int i = 0; i < 400; i++) assertEquals(y[i] == 0f, y[p * 400 + i] == 0f);
    }

    @Test
    void darkenPullsTowardsTheDarkestValue() {
        float[] x = {-1f, 0f, 1f, 3f};
        ModalitySpec tiny = new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {1, 1, 2, 2});
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 1f}, CorruptionSpec.parse("visual-darken:level=0.5").apply(x, tiny, new SplittableRandom(1)), 1e-6f);
        assertArrayEquals(new float[] {-1f, -1f, -1f, -1f}, CorruptionSpec.parse("visual-darken:level=1").apply(x, tiny, new SplittableRandom(1)), 1e-6f);
        assertArrayEquals(x, CorruptionSpec.parse("visual-darken:level=0").apply(x, tiny, new SplittableRandom(1)), 0f);
    }

    @Test
    void muteSilencesTheRequestedFractionOfFrames() {
        float[] x = signal(AUDIO.size(), 2);
        float floor = Float.POSITIVE_INFINITY;
        for (float v : x) floor = Math.min(floor, v);
        float[] y = CorruptionSpec.parse("audio-mute:fraction=0.4").apply(x, AUDIO, new SplittableRandom(5));
        int muted = 0;
        for (int t = 0; t < 50; t++) {
            boolean all = true;
            for (int m = 0; m < 8; m++) all &= y[m * 50 + t] == floor;
            if (all) muted++;
        }
        assertEquals(20, muted, "40% of 50 time frames");
        float[] all = CorruptionSpec.parse("audio-mute").apply(x, AUDIO, new SplittableRandom(5));
        for (float v : all) assertEquals(floor, v);
    }

    @Test
    void freezeRepeatsTheLastMovingFrame() {
        float[] x = new float[VISUAL.size()];
        for (int i = 0; i < x.length; i++) x[i] = i / 1200; // frame index
        float[] y = CorruptionSpec.parse("visual-freeze").apply(x, VISUAL, new SplittableRandom(1));
        for (float v : y) assertEquals(0f, v, "every frame is the first");
        float[] half = CorruptionSpec.parse("visual-freeze:fraction=0.34").apply(x, VISUAL, new SplittableRandom(1));
        assertEquals(1f, half[1 * 1200]);
        assertEquals(2f, half[2 * 1200], "round(0.34 * 3) = 1 frozen frame: frames 0-2 move");
        assertEquals(2f, half[3 * 1200]);
    }

    @Test
    void pixelNoiseHasTheRequestedSigma() {
        float[] x = new float[VISUAL.size() * 10];
        float[] y = CorruptionSpec.parse("visual-pixel-noise:sigma=2").apply(x, VISUAL, new SplittableRandom(9));
        double s2 = 0;
        for (float v : y) s2 += v * v;
        assertEquals(2.0, Math.sqrt(s2 / y.length), 0.05);
    }

    @Test
    void applyCorruptsOnlyTheNamedModalityReproduciblyPerClip() {
        Clip c = new Clip("clip-1", 0, List.of(signal(AUDIO.size(), 1), signal(VISUAL.size(), 2)), Map.of());
        List<Corruption> cs = List.of(CorruptionSpec.parse("audio-noise:snr=0"));
        Clip a = Corruptions.apply(List.of(c), List.of(AUDIO, VISUAL), cs, 11).get(0);
        Clip b = Corruptions.apply(List.of(c), List.of(AUDIO, VISUAL), cs, 11).get(0);
        Clip other = Corruptions.apply(List.of(c), List.of(AUDIO, VISUAL), cs, 12).get(0);
        assertSame(c.input(1), a.input(1), "visual untouched");
        assertArrayEquals(a.input(0), b.input(0), 0f, "same seed, same noise");
        assertFalse(java.util.Arrays.equals(a.input(0), other.input(0)), "another seed, other noise");
        assertFalse(java.util.Arrays.equals(a.input(0), c.input(0)));
        Clip missing = Corruptions.apply(List.of(c), List.of(AUDIO, VISUAL), List.of(CorruptionSpec.parse("visual-missing")), 0).get(0);
        for (float v : missing.input(1)) assertEquals(0f, v);
    }

    @Test
    void badSpecsAreRefusedNamingTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CorruptionSpec.parse("audio-noise")).getMessage().contains("snr"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CorruptionSpec.parse("audio-blur:x=1")).getMessage().contains("kind"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CorruptionSpec.parse("visual-darken:level=2")).getMessage().contains("[0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CorruptionSpec.parse("audio-noise:snr=abc")).getMessage().contains("number"));
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                () -> Corruptions.check(List.of(CorruptionSpec.parse("audio-darken:level=0.5")), List.of(AUDIO, VISUAL)));
        assertTrue(wrongKind.getMessage().contains("does not apply to audio"), wrongKind.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Corruptions.check(List.of(CorruptionSpec.parse("depth-missing")), List.of(AUDIO, VISUAL)));
        assertTrue(unknown.getMessage().contains("no modality 'depth'") && unknown.getMessage().contains("audio, visual"), unknown.getMessage());
        assertEquals("audio-noise:snr=-10", CorruptionSpec.parse(" audio-noise:snr=-10.0 ").spec());
        assertEquals("visual-pixel-noise:sigma=1", CorruptionSpec.parse("visual-pixel-noise").spec());
    }

    @Test
    void audioNoiseGoesOnTheWaveformWhenTheDataHasOne() throws Exception {
        org.iibalance.config.ExperimentConfig cfg = org.iibalance.config.ConfigIO.withOverrides(org.iibalance.config.ExperimentConfig.defaults(),
                List.of("dataset.synthetic.trainClips=16", "dataset.synthetic.valClips=8", "dataset.synthetic.testClips=8"));
        org.iibalance.data.MultimodalDataset d = org.iibalance.data.Datasets.load(cfg, null);
        Waveforms w = Waveforms.of(cfg);
        assertNotNull(w);
        Clip c = d.test().get(2);
        // at 100 dB the noise is inaudible: the recomputed, re-standardised spectrogram is the clip's own
        float[] quiet = Corruptions.apply(List.of(c), d.modalities(), List.of(CorruptionSpec.parse("audio-noise:snr=100")), 0, w).get(0).input(0);
        assertArrayEquals(c.input(0), quiet, 1e-3f);
        float[] loud = Corruptions.apply(List.of(c), d.modalities(), List.of(CorruptionSpec.parse("audio-noise:snr=-10")), 0, w).get(0).input(0);
        float[] featureLevel = Corruptions.apply(List.of(c), d.modalities(), List.of(CorruptionSpec.parse("audio-noise:snr=-10")), 0).get(0).input(0);
        double moved = 0;
        for (int i = 0; i < loud.length; i++) moved += Math.abs(loud[i] - c.input(0)[i]);
        assertTrue(moved / loud.length > 0.3, "drowned audio changes the spectrogram: " + moved / loud.length);
        assertFalse(java.util.Arrays.equals(loud, featureLevel), "waveform noise is not the feature-level stand-in");
        assertNull(Waveforms.of(org.iibalance.config.ConfigIO.withOverrides(cfg, List.of("dataset.kind=avmnist"))), "decoded datasets keep no waveform");
    }
}
