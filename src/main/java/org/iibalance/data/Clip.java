package org.iibalance.data;

import java.util.List;
import java.util.Map;

/**
 * One multimodal sample.
 *
 * @param id     stable identifier (file stem or generated id)
 * @param label  class index in [0, C)
 * @param inputs one flat float array per modality, in the dataset's modality order
 * @param meta   free metadata (source files, speaker, corruption flags...) shown by the inspector
 * @param window the part of the source file the clip covers (null: the whole file)
 */
public record Clip(String id, int label, List<float[]> inputs, Map<String, String> meta, EventWindow window) {
    /** A clip of a whole file (or of no file). */
    public Clip(String id, int label, List<float[]> inputs, Map<String, String> meta) {
        this(id, label, inputs, meta, null);
    }

    public float[] input(int modality) {
        return inputs.get(modality);
    }
}
