package org.iibalance.gui.gating;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iibalance.config.DatasetConfig;
import org.iibalance.media.ClipDecoder;
import org.iibalance.media.MediaException;
import org.iibalance.media.MediaRecipe;

/**
 * The sound of a real dataset's clip, for the inspector's Play button: the file named by the clip's
 * metadata ({@code audioFile}, else the video {@code file}) decoded by the project's
 * {@link ClipDecoder} to mono float samples at the dataset's audio rate (16 kHz), over the window the
 * model heard (from the clip's {@code window} meta, {@code audio.seconds} long). Blocking: call it on a
 * background thread.
 */
final class ClipAudio {
    private static final Pattern WINDOW = Pattern.compile("([0-9.]+)-([0-9.]+) s");

    private ClipAudio() {}

    /** The file holding the clip's sound, or null when the metadata names none. */
    static Path source(Map<String, String> meta) {
        String f = meta.get("audioFile");
        if (f == null || f.isBlank()) f = meta.get("file");
        return f == null || f.isBlank() ? null : Path.of(f);
    }

    /** Start and end (seconds) of the clip's event window; {0, 0} for the whole file. */
    static double[] window(Map<String, String> meta) {
        String w = meta.get("window");
        Matcher m = w == null ? null : WINDOW.matcher(w.trim());
        return m != null && m.matches() ? new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))} : new double[] {0, 0};
    }

    /**
     * Decodes the clip's sound (no video) as the dataset's recipe does.
     *
     * @throws MediaException with the file and the reason when there is no file or it cannot be decoded
     */
    static float[] decode(DatasetConfig dataset, Map<String, String> meta) throws MediaException {
        Path file = source(meta);
        if (file == null) throw new MediaException("the clip's metadata names no audio or video file");
        double[] w = window(meta);
        try {
            return new ClipDecoder(MediaRecipe.of(dataset)).decode(file, true, false, w[0], w[1]).samples();
        } catch (MediaException e) {
            throw new MediaException(file + ": " + e.getMessage(), e);
        }
    }
}
