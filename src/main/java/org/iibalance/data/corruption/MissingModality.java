package org.iibalance.data.corruption;

import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * {@code <m>-missing}: the modality is absent: its input is all zeros (the training mean). Every
 * method then fuses as it was trained, with no special case: the zero input still goes through its
 * encoder. Concatenation methods (joint and the gradient-modulation baselines) see that encoder's
 * response to the mean input in their slice of the fused head; IIBalance's gate sees its head's
 * entropy u_m on it (Eq. 7-10) and can down-weight it; fixed-weight fusion (w/o Stage II) keeps
 * w_m = beta_m.
 */
public final class MissingModality extends Corruption {
    public MissingModality(String modality) {
        super(modality, "missing", null, Double.NaN);
    }

    @Override
    public float[] apply(float[] x, ModalitySpec spec, SplittableRandom r) {
        return new float[x.length];
    }
}
