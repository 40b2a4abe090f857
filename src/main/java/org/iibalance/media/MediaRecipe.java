package org.iibalance.media;

import org.iibalance.config.DatasetConfig;

/**
 * How a clip becomes arrays: the audio and visual settings that change the result. Its keys name
 * cache entries, so a change of the audio recipe rebuilds audio entries only, and likewise for frames.
 *
 * @param audio      sample rate, length and log-Mel settings
 * @param visual     frame count or rate, and frame size
 * @param shortAudio {@code tile} or {@code pad}: how audio shorter than {@code audio.seconds} is filled
 */
public record MediaRecipe(DatasetConfig.AudioConfig audio, DatasetConfig.VisualConfig visual, String shortAudio) {
    /** Version of the preprocessing code; bump it when the arrays change for the same settings. */
    public static final int VERSION = 2;

    /** The recipe of a dataset configuration. */
    public static MediaRecipe of(DatasetConfig d) {
        return new MediaRecipe(d.audio(), d.visual(), d.media().shortAudio());
    }

    /** Number of audio samples after cutting, padding or tiling. */
    public int samples() {
        return (int) Math.round(audio.seconds() * audio.sampleRate());
    }

    /**
     * Number of frames T: {@code visual.frames} spread evenly over the clip, or, when
     * {@code visual.fps} is above 0, {@code round(fps * audio.seconds)} frames taken at that rate from
     * the start of the clip (or event window), covering the same span as the audio.
     */
    public int frames() {
        return visual.decodedFrames(audio.seconds());
    }

    /** Length of one clip's flat frame array, T x 3 x size x size. */
    public int visualLength() {
        return frames() * 3 * visual.size() * visual.size();
    }

    /** Cache key part of the audio recipe. */
    public String audioKey() {
        return "audio-v" + VERSION + ":" + audio.sampleRate() + ":" + audio.seconds() + ":" + audio.windowMs() + ":"
                + audio.hopMs() + ":" + audio.melBins() + ":" + shortAudio;
    }

    /** Cache key part of the visual recipe. */
    public String visualKey() {
        return "visual-v" + VERSION + ":" + frames() + ":" + visual.fps() + ":" + visual.size()
                + (visual.fps() > 0 ? ":" + audio.seconds() : "");
    }
}
