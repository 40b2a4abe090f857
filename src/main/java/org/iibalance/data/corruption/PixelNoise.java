package org.iibalance.data.corruption;

import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * {@code visual-pixel-noise:sigma=<s>}: independent Gaussian noise on every pixel, with standard
 * deviation s in units of the training split's pixel standard deviation.
 */
public final class PixelNoise extends Corruption {
    public PixelNoise(String modality, double sigma) {
        super(modality, "pixel-noise", "sigma", sigma);
        if (!(sigma >= 0)) throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
    }

    @Override
    public boolean appliesTo(ModalitySpec.Kind k) {
        return k == ModalitySpec.Kind.FRAMES;
    }

    @Override
    public float[] apply(float[] x, ModalitySpec spec, SplittableRandom r) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] + severity() * r.nextGaussian());
        return y;
    }
}
