/**
 * Networks: the encoders g_m (small CPU ones for spectrograms and frames), the unimodal heads f_m,
 * the fused head f_fuse and the gating network G of the paper, assembled for M modalities.
 */
package org.iibalance.model;
