package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;
import org.iibalance.nn.NetModule;

/** An encoder g_m: one modality's batch to features z_m of shape [B, d] (Sec. III-A). */
public abstract class Encoder extends NetModule {
    /** d, the size of z_m. */
    public abstract long featureDim();

    public abstract Tensor forward(Tensor x);
}
