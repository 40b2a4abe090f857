package org.iibalance.data.corruption;

import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * {@code visual-occlude:size=<0..1>}: a grey square (the training mean, 0) of side
 * round(size min(H, W)) at a random place, the same in every frame and channel, so it covers a
 * fraction size^2 of each frame (0.25 at size 0.5).
 */
public final class Occlusion extends Corruption {
    public Occlusion(String modality, double size) {
        super(modality, "occlude", "size", size);
        if (!(size >= 0 && size <= 1)) throw new IllegalArgumentException("size must be in [0, 1], got " + size);
    }

    @Override
    public boolean appliesTo(ModalitySpec.Kind k) {
        return k == ModalitySpec.Kind.FRAMES;
    }

    @Override
    public float[] apply(float[] x, ModalitySpec spec, SplittableRandom r) {
        long[] s = spec.shape(); // [T, C, H, W]
        int h = (int) s[s.length - 2], w = (int) s[s.length - 1], planes = x.length / (h * w);
        int side = (int) Math.round(severity() * Math.min(h, w));
        int y0 = r.nextInt(h - side + 1), x0 = r.nextInt(w - side + 1);
        float[] y = x.clone();
        for (int p = 0; p < planes; p++) {
            for (int row = y0; row < y0 + side; row++) for (int col = x0; col < x0 + side; col++) y[(p * h + row) * w + col] = 0f;
        }
        return y;
    }
}
