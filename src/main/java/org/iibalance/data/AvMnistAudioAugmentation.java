package org.iibalance.data;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.iibalance.config.DatasetConfig;
import org.iibalance.media.LogMelSpectrogram;

/**
 * Training augmentation of AV-MNIST's audio ({@code dataset.avmnist.augment}): for training clip i in
 * epoch e, with one random stream seeded by (seed, i, e),
 * <ol>
 *   <li>the clean recording (fitted to the 1 s window) is delayed by a random 0..maxShiftSeconds
 *       (zeros in front, the end cut) and scaled by a random gain of +-snrJitterDb dB;</li>
 *   <li>white noise of the configured level (std = RMS of the recording as read x 10^(-noiseSnrDb/20),
 *       as when the clip was built) is added: a new draw ({@code freshNoise}) or the clip's own fixed
 *       draw;</li>
 *   <li>the log-Mel spectrogram is computed as for the stored clip, and {@code timeMasks} time masks of
 *       0..timeMaskFrames frames and {@code freqMasks} frequency masks of 0..freqMaskBins bins are set
 *       to the spectrogram's mean (SpecAugment, Park et al. 2019, without time warping).</li>
 * </ol>
 * The result is then standardised with the training statistics of the clips as built
 * ({@link AugmentedInputs}). With every option off, a variant equals the stored clip exactly.
 */
final class AvMnistAudioAugmentation {
    private final DatasetConfig.AvMnistAugmentConfig cfg;
    /** The run seed mixed with this stream's tag ("AUGU"), once: each clip and epoch mixes in its own index and epoch. */
    private final long streamSeed;
    private final int sampleRate;
    private final int melBins;
    private final double noiseScale;
    private final Supplier<LogMelSpectrogram> mel;

    AvMnistAudioAugmentation(DatasetConfig.AvMnistAugmentConfig cfg, long seed, int sampleRate, int melBins, double noiseScale,
                             Supplier<LogMelSpectrogram> mel) {
        this.cfg = cfg;
        this.streamSeed = AvMnistDataset.mix(AvMnistDataset.mix(seed) ^ 0x41554755L);
        this.sampleRate = sampleRate;
        this.melBins = melBins;
        this.noiseScale = noiseScale;
        this.mel = mel;
    }

    /**
     * Epoch {@code epoch}'s spectrogram [melBins x frames] of training clip {@code index}.
     *
     * @param dec        the clip's recording
     * @param fixedNoise the seed of the clip's own noise draw (used when {@code freshNoise} is off)
     */
    float[] spectrogram(AvMnistDataset.Decoded dec, int index, long fixedNoise, int epoch) {
        SplittableRandom r = new SplittableRandom(AvMnistDataset.mix(streamSeed ^ index)
                ^ AvMnistDataset.mix(epoch + 0x9E3779B97F4A7C15L));
        float[] clean = dec.clean();
        int n = clean.length;
        int shift = cfg.maxShiftSeconds() > 0 ? r.nextInt(Math.min(n - 1, (int) Math.round(cfg.maxShiftSeconds() * sampleRate)) + 1) : 0;
        double gain = cfg.snrJitterDb() > 0 ? Math.pow(10, (2 * r.nextDouble() - 1) * cfg.snrJitterDb() / 20) : 1;
        long noiseSeed = r.nextLong();
        float[] x = new float[n];
        for (int i = shift; i < n; i++) x[i] = (float) (gain * clean[i - shift]);
        AvMnistDataset.addNoise(x, x, dec.rms() * noiseScale, cfg.freshNoise() ? noiseSeed : fixedNoise); // as the stored clip's
        float[] s = mel.get().computeFlat(x);
        mask(s, r);
        return s;
    }

    /** SpecAugment's time and frequency masks, filled with the spectrogram's mean. */
    void mask(float[] s, SplittableRandom r) {
        boolean time = cfg.timeMasking(), freq = cfg.freqMasking();
        if (!time && !freq) return;
        int frames = s.length / melBins;
        double sum = 0;
        for (float v : s) sum += v;
        float fill = (float) (sum / s.length);
        if (time) {
            for (int k = 0; k < cfg.timeMasks(); k++) {
                int w = r.nextInt(Math.min(cfg.timeMaskFrames(), frames) + 1);
                int t0 = r.nextInt(frames - w + 1);
                for (int b = 0; b < melBins; b++) java.util.Arrays.fill(s, b * frames + t0, b * frames + t0 + w, fill);
            }
        }
        if (freq) {
            for (int k = 0; k < cfg.freqMasks(); k++) {
                int w = r.nextInt(Math.min(cfg.freqMaskBins(), melBins) + 1);
                int b0 = r.nextInt(melBins - w + 1);
                java.util.Arrays.fill(s, b0 * frames, (b0 + w) * frames, fill);
            }
        }
    }
}
