/**
 * Multimodal datasets of clips: one float array per modality, a label, an id and metadata; the
 * loaders of each layout (registered in {@link org.iibalance.data.Datasets}); the embedded synthetic
 * data; splits. Tensors are made from these arrays only when batches are formed (in experiment).
 */
package org.iibalance.data;
