package org.iibalance.data;

/**
 * The part of a media file a clip covers (the annotated event of AVE-style datasets), in seconds.
 * Carried as numbers from the loader to whoever decodes the clip again (the inspector's audio); its
 * text form ({@link #toString()}) is for display only and never parsed.
 *
 * @param startSeconds start of the window
 * @param endSeconds   end of the window (after the start)
 */
public record EventWindow(double startSeconds, double endSeconds) {
    public EventWindow {
        if (!(startSeconds >= 0) || !(endSeconds > startSeconds)) {
            throw new IllegalArgumentException("an event window needs 0 <= start < end (got " + startSeconds + ", " + endSeconds + ")");
        }
    }

    @Override
    public String toString() {
        return startSeconds + "-" + endSeconds + " s";
    }
}
