package org.iibalance.data.corruption;

import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * {@code audio-mute:fraction=<0..1>}: silences a contiguous span of {@code fraction} of the
 * spectrogram's time frames (at a random place; all of it at 1, the default). A silent frame takes
 * the clip's quietest value in every band (the log-Mel floor of silence, as standardised).
 */
public final class Mute extends Corruption {
    public Mute(String modality, double fraction) {
        super(modality, "mute", "fraction", fraction);
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
    }

    @Override
    public boolean appliesTo(ModalitySpec.Kind k) {
        return k == ModalitySpec.Kind.SPECTROGRAM;
    }

    @Override
    public float[] apply(float[] x, ModalitySpec spec, SplittableRandom r) {
        long[] s = spec.shape(); // [1, mel, time]
        int time = (int) s[s.length - 1], rows = x.length / time;
        int span = (int) Math.round(severity() * time);
        int start = span >= time ? 0 : r.nextInt(time - span + 1);
        float floor = min(x);
        float[] y = x.clone();
        for (int row = 0; row < rows; row++) for (int t = start; t < start + span; t++) y[row * time + t] = floor;
        return y;
    }
}
