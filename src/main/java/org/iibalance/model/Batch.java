package org.iibalance.model;

import java.util.List;
import org.bytedeco.pytorch.Tensor;

/**
 * A mini-batch on the training device.
 *
 * @param inputs one tensor per modality, batch first
 * @param labels the labels as Java ints (for counting and prototype bookkeeping)
 * @param target the labels one-hot [B, C] (float), for the cross-entropies
 * @param ids    clip ids, in batch order
 */
public record Batch(List<Tensor> inputs, int[] labels, Tensor target, List<String> ids) {
    public int size() {
        return labels.length;
    }
}
