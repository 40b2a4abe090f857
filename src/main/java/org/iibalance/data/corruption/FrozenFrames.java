package org.iibalance.data.corruption;

import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * {@code visual-freeze:fraction=<0..1>}: the video stalls: the last round(fraction (T - 1)) frames
 * repeat the frame before them (at 1, the default, every frame is the first one).
 */
public final class FrozenFrames extends Corruption {
    public FrozenFrames(String modality, double fraction) {
        super(modality, "freeze", "fraction", fraction);
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
    }

    @Override
    public boolean appliesTo(ModalitySpec.Kind k) {
        return k == ModalitySpec.Kind.FRAMES;
    }

    @Override
    public float[] apply(float[] x, ModalitySpec spec, SplittableRandom r) {
        int t = (int) spec.shape()[0], frame = x.length / t;
        int frozen = (int) Math.round(severity() * (t - 1));
        int last = t - 1 - frozen; // the last frame that still moves
        float[] y = x.clone();
        for (int f = last + 1; f < t; f++) System.arraycopy(x, last * frame, y, f * frame, frame);
        return y;
    }
}
