package org.iibalance.gui.gating;

import java.util.List;
import java.util.Map;
import org.iibalance.gui.util.ClipImages;

/**
 * What the what-if panel shows of one inference on one clip.
 *
 * @param clipId        the clip
 * @param specs         the corruptions applied ({@code evaluate --corrupt} specs; empty: clean)
 * @param modalities    modality names, in the network's order
 * @param frames        the clip's frames as corrupted (null: no frames modality)
 * @param spectrogram   its spectrogram as corrupted (null: none)
 * @param probabilities class probabilities per head ({@code fused}, then each modality's head where it has one)
 * @param label         the true class
 * @param prediction    the fused prediction
 * @param weights       fusion weights w_m (null: the method has none)
 * @param uncertainty   u_m (null: none)
 * @param cleanWeights  the same clip's weights with nothing corrupted, from its gating.csv row (null: none)
 * @param cleanPrediction the fused prediction with nothing corrupted, from its gating.csv row
 * @param millis        wall time of corrupting and inference
 */
public record WhatIfResult(String clipId, List<String> specs, List<String> modalities, ClipImages.Argb frames, ClipImages.Argb spectrogram,
        Map<String, double[]> probabilities, int label, int prediction, double[] weights, double[] uncertainty, double[] cleanWeights,
        int cleanPrediction, double millis) {}
