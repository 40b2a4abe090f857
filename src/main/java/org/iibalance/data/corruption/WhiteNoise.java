package org.iibalance.data.corruption;

import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * {@code <m>-noise:snr=<dB>}: additive white Gaussian noise at a signal-to-noise ratio in dB. Our
 * datasets keep the decoded features, not the waveform, so the SNR is measured on the features the
 * encoder sees: the noise variance is P_x 10^(-snr/10) with P_x the clip's mean square (its power
 * around the training mean). At 0 dB the noise is as strong as the signal; at -10 dB ten times
 * stronger. This feature-level noise applies to any modality.
 *
 * <p>Audio with a waveform ({@link Waveforms}: the embedded synthetic data) gets the noise on the
 * waveform instead: variance P_w 10^(-snr/10) with P_w the waveform's mean square, the log-Mel
 * spectrogram computed again and standardised like the clip's own features (the clip's mean and scale
 * are recovered from its clean features, an exact affine map).
 */
public final class WhiteNoise extends Corruption {
    public WhiteNoise(String modality, double snrDb) {
        super(modality, "noise", "snr", snrDb);
    }

    @Override
    public float[] apply(org.iibalance.data.Clip clip, float[] x, ModalitySpec spec, SplittableRandom r, Waveforms waveforms) {
        float[] wave = spec.kind() == ModalitySpec.Kind.SPECTROGRAM && waveforms != null ? waveforms.waveform(clip) : null;
        if (wave == null) return apply(x, spec, r);
        float[] raw = waveforms.features(wave);
        if (raw.length != x.length) return apply(x, spec, r);
        // the standardisation x = (raw - mu) / sd, recovered from the clip's two most distant values
        int lo = 0, hi = 0;
        for (int i = 1; i < raw.length; i++) {
            if (raw[i] < raw[lo]) lo = i;
            if (raw[i] > raw[hi]) hi = i;
        }
        if (raw[hi] == raw[lo] || x[hi] == x[lo]) return apply(x, spec, r);
        double sd = (raw[hi] - raw[lo]) / (double) (x[hi] - x[lo]);
        double mu = raw[lo] - sd * x[lo];
        double sigma = Math.sqrt(power(wave) * Math.pow(10, -severity() / 10));
        float[] noisy = new float[wave.length];
        for (int i = 0; i < wave.length; i++) noisy[i] = (float) (wave[i] + sigma * r.nextGaussian());
        float[] f = waveforms.features(noisy);
        float[] y = new float[f.length];
        for (int i = 0; i < f.length; i++) y[i] = (float) ((f[i] - mu) / sd);
        return y;
    }

    @Override
    public float[] apply(float[] x, ModalitySpec spec, SplittableRandom r) {
        double sigma = Math.sqrt(power(x) * Math.pow(10, -severity() / 10));
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] + sigma * r.nextGaussian());
        return y;
    }
}
