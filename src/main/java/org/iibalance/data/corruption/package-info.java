/**
 * Corruptions of one modality's input at evaluation time (noise at an SNR, silence, darkness,
 * occlusion, pixel noise, frozen frames, a missing modality), named by a spec and seeded per clip.
 */
package org.iibalance.data.corruption;
