package org.iibalance.data.corruption;

import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Clip;
import org.iibalance.data.SyntheticAvDataset;
import org.iibalance.media.LogMelSpectrogram;

/**
 * The waveform behind a clip's audio features, where a dataset can give it, and the features of a
 * waveform: audio noise is then added to the sound itself, as a microphone would hear it, and the
 * log-Mel spectrogram is computed again ({@link WhiteNoise}). The embedded synthetic data regenerates
 * each clip's waveform from its seed; datasets of decoded files keep only features (the noise then
 * falls back to the feature-level SNR).
 */
public interface Waveforms {
    /** The clip's waveform, or null when it is not available. */
    float[] waveform(Clip clip);

    /** The audio features of a waveform, before standardisation (as the loader computed them). */
    float[] features(float[] waveform);

    /** The waveforms of the configured dataset, or null when it keeps none. */
    static Waveforms of(ExperimentConfig cfg) {
        if (!SyntheticAvDataset.KIND.equals(cfg.dataset().kind())) return null;
        var a = cfg.dataset().audio();
        LogMelSpectrogram mel = new LogMelSpectrogram(a.sampleRate(), a.windowMs(), a.hopMs(), a.melBins());
        return new Waveforms() {
            @Override
            public float[] waveform(Clip clip) {
                return clip.meta().containsKey("seed") ? SyntheticAvDataset.waveform(cfg, clip) : null;
            }

            @Override
            public float[] features(float[] waveform) {
                return mel.computeFlat(waveform);
            }
        };
    }
}
