package org.iibalance.gui.setup;

import java.util.List;
import org.iibalance.gui.util.ClipImages;

/**
 * What the set-up pane shows of a loaded dataset: clip counts per split, classes, modalities and a
 * preview of one training clip.
 *
 * @param name        dataset name
 * @param train       training clips
 * @param val         validation clips
 * @param test        test clips
 * @param classNames  class names
 * @param modalities  modality descriptions (name, kind, shape)
 * @param previewId   id of the previewed clip
 * @param frames      its frames (null if the dataset has none)
 * @param spectrogram its log-Mel spectrogram (null if none)
 * @param story       the dataset's story in lines: which classes sound or look alike, what each class
 *                    is, how many clips are degraded (empty when the data do not say)
 * @param examples    the frames of one clip per class and of degraded clips, captioned (may be empty)
 */
public record DatasetSummary(String name, int train, int val, int test, List<String> classNames, List<String> modalities, String previewId,
        ClipImages.Argb frames, ClipImages.Argb spectrogram, List<String> story, List<Example> examples) {

    /** A clip's frames with a caption (its class, and what is wrong with it if anything). */
    public record Example(String caption, ClipImages.Argb frames) {}

    /** One line of counts. */
    public String countsLine() {
        return String.format("%s: %d train, %d val, %d test clips; %d classes; %s", name, train, val, test, classNames.size(), String.join(", ", modalities));
    }
}
