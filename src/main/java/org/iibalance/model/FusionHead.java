package org.iibalance.model;

/** How the network fuses modality features before the fused classifier. */
public enum FusionHead {
    /** f_fuse on a weighted sum of the z_m (IIBalance, Eq. 10): Linear(d, C). */
    WEIGHTED_SUM,
    /** f_fuse on the concatenation [z_1; ...; z_M] (joint training, OGM-GE...): Linear(M d, C). */
    CONCAT
}
