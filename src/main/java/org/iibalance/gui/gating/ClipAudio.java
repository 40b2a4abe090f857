package org.iibalance.gui.gating;

import java.nio.file.Path;
import java.util.Map;
import org.iibalance.config.DatasetConfig;
import org.iibalance.data.EventWindow;
import org.iibalance.media.ClipDecoder;
import org.iibalance.media.MediaException;
import org.iibalance.media.MediaRecipe;

/**
 * The sound of a real dataset's clip, for the inspector's Play button: the file named by the clip's
 * metadata ({@code audioFile}, else the video {@code file}) decoded by the project's
 * {@link ClipDecoder} to mono float samples at the dataset's audio rate (16 kHz), over the window the
 * model heard (the clip's typed {@link EventWindow}, {@code audio.seconds} long). Blocking: call it on
 * a background thread.
 */
final class ClipAudio {
    private ClipAudio() {}

    /** The file holding the clip's sound, or null when the metadata names none. */
    static Path source(Map<String, String> meta) {
        String f = meta.get("audioFile");
        if (f == null || f.isBlank()) f = meta.get("file");
        return f == null || f.isBlank() ? null : Path.of(f);
    }

    /**
     * Decodes the clip's sound (no video) as the dataset's recipe does.
     *
     * @param window the clip's event window (null: the whole file)
     * @throws MediaException with the file and the reason when there is no file or it cannot be decoded
     */
    static float[] decode(DatasetConfig dataset, Map<String, String> meta, EventWindow window) throws MediaException {
        Path file = source(meta);
        if (file == null) throw new MediaException("the clip's metadata names no audio or video file");
        double start = window == null ? 0 : window.startSeconds(), end = window == null ? 0 : window.endSeconds();
        try {
            return new ClipDecoder(MediaRecipe.of(dataset)).decode(file, true, false, start, end).samples();
        } catch (MediaException e) {
            throw new MediaException(file + ": " + e.getMessage(), e);
        }
    }
}
