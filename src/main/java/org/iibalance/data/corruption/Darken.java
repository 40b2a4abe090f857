package org.iibalance.data.corruption;

import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * {@code visual-darken:level=<0..1>}: pulls every pixel towards black, x' = b + (1 - level)(x - b),
 * with b the clip's darkest value (black, as standardised). Level 0 leaves the frames as they are;
 * level 1 leaves a black clip.
 */
public final class Darken extends Corruption {
    public Darken(String modality, double level) {
        super(modality, "darken", "level", level);
        if (!(level >= 0 && level <= 1)) throw new IllegalArgumentException("level must be in [0, 1], got " + level);
    }

    @Override
    public boolean appliesTo(ModalitySpec.Kind k) {
        return k == ModalitySpec.Kind.FRAMES;
    }

    @Override
    public float[] apply(float[] x, ModalitySpec spec, SplittableRandom r) {
        float b = min(x);
        double keep = 1 - severity();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) (b + keep * (x[i] - b));
        return y;
    }
}
