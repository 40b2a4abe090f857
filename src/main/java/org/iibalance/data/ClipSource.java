package org.iibalance.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * A clip found on disk, before decoding.
 *
 * @param id    stable identifier (file stem or video id)
 * @param label class index
 * @param split {@code train}, {@code val}, {@code test}, or null while not yet assigned
 * @param group speaker, actor or other unit kept on one side of a split ("" when unknown)
 * @param video the video file
 * @param audio a separate audio file, or null when the audio track of {@code video} is used
 * @param start start of the window used, in seconds (0: beginning)
 * @param end   end of the window used, in seconds (&lt;= 0: end of file)
 * @param meta  metadata copied into the {@link Clip}
 */
public record ClipSource(String id, int label, String split, String group, Path video, Path audio,
                         double start, double end, Map<String, String> meta) {
    /** The same clip assigned to {@code s}. */
    public ClipSource withSplit(String s) {
        return new ClipSource(id, label, s, group, video, audio, start, end, meta);
    }
}
