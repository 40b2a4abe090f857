package org.iibalance.data.corruption;

import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * {@code <m>-noise:snr=<dB>}: additive white Gaussian noise at a signal-to-noise ratio in dB. Our
 * datasets keep the decoded features, not the waveform, so the SNR is measured on the features the
 * encoder sees: the noise variance is P_x 10^(-snr/10) with P_x the clip's mean square (its power
 * around the training mean). At 0 dB the noise is as strong as the signal; at -10 dB ten times
 * stronger. On a log-Mel spectrogram this is the documented stand-in for waveform noise (it masks the
 * tones in every band alike); it applies to any modality.
 */
public final class WhiteNoise extends Corruption {
    public WhiteNoise(String modality, double snrDb) {
        super(modality, "noise", "snr", snrDb);
    }

    @Override
    public float[] apply(float[] x, ModalitySpec spec, SplittableRandom r) {
        double sigma = Math.sqrt(power(x) * Math.pow(10, -severity() / 10));
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] + sigma * r.nextGaussian());
        return y;
    }
}
