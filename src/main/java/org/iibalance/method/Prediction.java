package org.iibalance.method;

import java.util.List;
import org.bytedeco.pytorch.Tensor;

/**
 * A method's outputs for a batch at evaluation time (inference uses the fused branch, Sec. IV-D).
 *
 * @param fused       fused logits [B, C]
 * @param unimodal    logits of each modality's head f_m (or its protocol's stand-in), [B, C] each;
 *                    an entry is null when the method gives none for that modality
 * @param weights     fusion weights w [B, M] (null when the method has none)
 * @param uncertainty u [B, M] (normalised entropies of the unimodal predictions)
 */
public record Prediction(Tensor fused, List<Tensor> unimodal, Tensor weights, Tensor uncertainty) {}
