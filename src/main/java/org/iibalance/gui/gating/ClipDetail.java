package org.iibalance.gui.gating;

import java.util.Map;
import org.iibalance.gui.util.ClipImages;

/**
 * What the inspector shows of the selected clip.
 *
 * @param id            clip id
 * @param label         class name of the true label
 * @param frames        its frames (null if none or not found)
 * @param spectrogram   its log-Mel spectrogram (null if none)
 * @param probabilities class probabilities per head ({@code fused}, {@code audio}, {@code visual})
 * @param meta          the clip's metadata
 * @param audio         the waveform to play (null when it cannot be produced)
 * @param sampleRate    its sample rate
 * @param note          a remark (e.g. why there is no audio)
 */
public record ClipDetail(String id, String label, ClipImages.Argb frames, ClipImages.Argb spectrogram, Map<String, double[]> probabilities,
        Map<String, String> meta, float[] audio, int sampleRate, String note) {}
