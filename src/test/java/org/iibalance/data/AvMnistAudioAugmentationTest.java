package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.iibalance.config.DatasetConfig.AvMnistAugmentConfig;
import org.iibalance.media.LogMelSpectrogram;
import org.junit.jupiter.api.Test;

/** dataset.avmnist.augment: what a training clip's audio is in each epoch. */
class AvMnistAudioAugmentationTest {
    private static final int RATE = 8000, BINS = 32;
    private static final LogMelSpectrogram MEL = new LogMelSpectrogram(RATE, 25, 10, BINS);

    /** A 0.3 s 440 Hz tone at the start of a 1 s window, as AvMnistDataset fits a recording. */
    private static AvMnistDataset.Decoded tone() {
        float[] x = new float[RATE];
        for (int i = 0; i < 0.3 * RATE; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / RATE));
        return new AvMnistDataset.Decoded(x, WavAudio.rms(x));
    }

    private static AvMnistAudioAugmentation aug(AvMnistAugmentConfig c, double noiseScale) {
        return new AvMnistAudioAugmentation(c, 42, RATE, BINS, noiseScale, () -> MEL);
    }

    private static AvMnistAugmentConfig noiseOnly() {
        return new AvMnistAugmentConfig(true, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void freshNoiseDiffersBetweenEpochsAndRepeatsWithinOne() {
        AvMnistAudioAugmentation a = aug(noiseOnly(), 1.0);
        AvMnistDataset.Decoded d = tone();
        float[] e1 = a.spectrogram(d, 3, 99L, 1), e1again = a.spectrogram(d, 3, 99L, 1), e2 = a.spectrogram(d, 3, 99L, 2);
        assertArrayEquals(e1, e1again, "the same clip and epoch give the same variant (a resumed run sees the same data)");
        assertFalse(Arrays.equals(e1, e2), "two epochs see different noise");
        assertFalse(Arrays.equals(e1, a.spectrogram(d, 4, 99L, 1)), "two clips of one recording see different noise");
        assertFalse(Arrays.equals(e1, a.spectrogram(d, 3, 99L, -1001)), "the pre-training's epoch numbers are other epochs too");
    }

    @Test
    void withNothingOnAVariantIsTheClipAsBuilt() {
        // as AvMnistDataset builds a clip: clean + (float) (std * gaussian) with the clip's fixed noise seed
        AvMnistDataset.Decoded d = tone();
        double std = d.rms() * 1.0;
        SplittableRandom r = new SplittableRandom(99L);
        float[] x = new float[RATE];
        for (int i = 0; i < x.length; i++) x[i] = d.clean()[i] + (float) (std * r.nextGaussian());
        float[] built = MEL.computeFlat(x);
        AvMnistAudioAugmentation off = aug(new AvMnistAugmentConfig(false, 0, 0, 0, 0, 0, 0), 1.0);
        assertArrayEquals(built, off.spectrogram(d, 3, 99L, 1));
        assertArrayEquals(built, off.spectrogram(d, 3, 99L, 7));
    }

    @Test
    void theDelayMovesTheToneLaterInTheWindow() {
        // no noise: the tone's onset frame is where the first frame rises above the floor
        AvMnistAudioAugmentation shift = aug(new AvMnistAugmentConfig(false, 0, 0.4, 0, 0, 0, 0), 0.0);
        AvMnistDataset.Decoded d = tone();
        int frames = MEL.frames(RATE);
        int plainOnset = onset(MEL.computeFlat(d.clean()), frames);
        int latest = plainOnset, earliest = Integer.MAX_VALUE;
        for (int e = 0; e < 20; e++) {
            int o = onset(shift.spectrogram(d, 0, 1L, e), frames);
            assertTrue(o >= plainOnset && o <= plainOnset + 41, "onset " + o + " within 0.4 s (40 frames) after " + plainOnset);
            latest = Math.max(latest, o);
            earliest = Math.min(earliest, o);
        }
        assertTrue(latest - earliest >= 10, "delays vary across epochs: " + earliest + ".." + latest);
    }

    /** First frame whose energy in the 440 Hz bin region clearly exceeds the silent floor. */
    private static int onset(float[] s, int frames) {
        float floor = Float.MAX_VALUE;
        for (float v : s) floor = Math.min(floor, v);
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < BINS; b++) if (s[b * frames + t] > floor + 5) return t;
        }
        return -1;
    }

    @Test
    void masksSetWholeFrameAndBinBandsToTheMean() {
        AvMnistAudioAugmentation m = aug(new AvMnistAugmentConfig(false, 0, 0, 1, 10, 0, 0), 1.0);
        AvMnistAudioAugmentation none = aug(new AvMnistAugmentConfig(false, 0, 0, 0, 0, 0, 0), 1.0);
        AvMnistDataset.Decoded d = tone();
        int frames = MEL.frames(RATE);
        boolean anyMasked = false;
        for (int e = 0; e < 10; e++) {
            float[] plain = none.spectrogram(d, 0, 5L, e), masked = m.spectrogram(d, 0, 5L, e);
            double mean = 0;
            for (float v : plain) mean += v;
            float fill = (float) (mean / plain.length);
            int changedFrames = 0;
            for (int t = 0; t < frames; t++) {
                boolean changed = false;
                for (int b = 0; b < BINS; b++) {
                    if (masked[b * frames + t] != plain[b * frames + t]) {
                        assertEquals(fill, masked[b * frames + t], 0f, "a masked value is the clip's mean");
                        changed = true;
                    }
                }
                if (changed) {
                    changedFrames++;
                    for (int b = 0; b < BINS; b++) assertEquals(fill, masked[b * frames + t], 0f, "a time mask covers every bin of its frames");
                }
            }
            assertTrue(changedFrames <= 10, "one mask of at most 10 frames, got " + changedFrames);
            anyMasked |= changedFrames > 0;
        }
        assertTrue(anyMasked);
        AvMnistAudioAugmentation f = aug(new AvMnistAugmentConfig(false, 0, 0, 0, 0, 2, 4), 1.0);
        float[] plain = none.spectrogram(d, 1, 5L, 3), masked = f.spectrogram(d, 1, 5L, 3);
        int bins = 0;
        for (int b = 0; b < BINS; b++) {
            if (!Arrays.equals(Arrays.copyOfRange(plain, b * frames, (b + 1) * frames), Arrays.copyOfRange(masked, b * frames, (b + 1) * frames))) bins++;
        }
        assertTrue(bins > 0 && bins <= 8, "two frequency masks of at most 4 bins, some masked, got " + bins);
    }

    @Test
    void standardisedVariantsUseTheStoredStatistics() {
        float[] stored = {1, 2, 3};
        AugmentedInputs in = new AugmentedInputs(List.of(stored, new float[] {9}), new AugmentedInputs.Variant[] {e -> new float[] {e, e, e}, null});
        AugmentedInputs s = in.standardized(List.of(new float[] {-1, 0, 1}, new float[] {0}), Standardizer.floatMeans(new double[] {2, 9}), Standardizer.floatInverseStds(new double[] {0.5, 1}));
        assertArrayEquals(new float[] {-1, 0, 1}, s.get(0), "outside training: the clip as built");
        assertArrayEquals(new float[] {(4 - 2f) * 2f, (4 - 2f) * 2f, (4 - 2f) * 2f}, s.training(0, 4), "epoch 4's variant, standardised");
        assertArrayEquals(new float[] {0}, s.training(1, 4), "a modality without a variant is as stored");
    }
}
