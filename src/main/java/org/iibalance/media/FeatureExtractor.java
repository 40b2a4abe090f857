package org.iibalance.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns one clip into its two arrays, through the {@link FeatureCache} when one is given: the audio
 * (from the video or a separate file, fitted to {@code audio.seconds}) becomes a [1, mel, time]
 * log-Mel spectrogram, and the frames a [T, 3, size, size] array in [0, 1]. Audio and visual entries
 * are cached separately, so a change of one recipe re-decodes only that modality; when both are
 * missing and come from one file, that file is read once. Frames are cached as 8-bit values
 * (lossless: they are decoded from 8-bit RGB). Thread-safe.
 */
public final class FeatureExtractor {
    private final MediaRecipe recipe;
    private final FeatureCache cache;
    private final ClipDecoder decoder;
    private final ThreadLocal<LogMelSpectrogram> mel;

    /** An extractor for {@code recipe}; {@code cache} may be null (no caching). */
    public FeatureExtractor(MediaRecipe recipe, FeatureCache cache) {
        this.recipe = recipe;
        this.cache = cache;
        this.decoder = new ClipDecoder(recipe);
        var a = recipe.audio();
        this.mel = ThreadLocal.withInitial(() -> new LogMelSpectrogram(a.sampleRate(), a.windowMs(), a.hopMs(), a.melBins()));
    }

    /** The recipe. */
    public MediaRecipe recipe() {
        return recipe;
    }

    /** Number of spectrogram frames (time steps) of every clip. */
    public int melFrames() {
        return mel.get().frames(recipe.samples());
    }

    /**
     * The arrays of one clip.
     *
     * @param audio        log-Mel spectrogram, flat [mel][time]
     * @param pixels       frames as 8-bit values, flat [T][3][size][size]
     * @param audioCached  whether the audio came from the cache
     * @param visualCached whether the frames came from the cache
     */
    public record Features(float[] audio, byte[] pixels, boolean audioCached, boolean visualCached) {
        /** The frames as floats k/255 in [0, 1], flat [T][3][size][size] (made on each call), or null. */
        public float[] visual() {
            return pixels == null ? null : Pixels.toFloats(pixels);
        }
    }

    /**
     * Extracts a clip.
     *
     * @param video     the video file (frames, and audio when {@code audioFile} is null)
     * @param audioFile a separate audio file, or null
     * @param start     window start in seconds (0: beginning)
     * @param end       window end in seconds (&lt;= 0: end of file)
     * @throws MediaException with the reason when the clip cannot be used
     */
    public Features extract(Path video, Path audioFile, double start, double end) throws MediaException {
        Path audioSrc = audioFile == null ? video : audioFile;
        String window = "|" + start + "|" + end;
        String aKey, vKey;
        try {
            aKey = recipe.audioKey() + "|" + FeatureCache.identity(audioSrc) + window;
            vKey = recipe.visualKey() + "|" + FeatureCache.identity(video) + window;
        } catch (IOException e) {
            Path missing = java.nio.file.Files.exists(video) ? audioSrc : video;
            throw new MediaException((audioFile != null && missing == audioFile ? "audio file " : "") + "missing on disk or unreadable: " + missing);
        }
        float[] a = cache == null ? null : cache.get(aKey);
        byte[] v = cache == null ? null : cache.getPixels(vKey);
        if (a != null && a.length != recipe.audio().melBins() * melFrames()) a = null;
        if (v != null && v.length != recipe.visualLength()) v = null;
        boolean aCached = a != null, vCached = v != null;
        if (a == null && v == null && audioFile == null) {
            ClipDecoder.Decoded d = decoder.decode(video, true, true, start, end);
            a = spectrogram(d.samples());
            v = d.pixels();
        } else {
            if (v == null) v = decoder.decode(video, false, true, start, end).pixels();
            if (a == null) {
                try {
                    a = spectrogram(decoder.decode(audioSrc, true, false, start, end).samples());
                } catch (MediaException e) {
                    throw audioFile == null ? e : new MediaException("audio file " + audioFile.getFileName() + ": " + e.getMessage(), e);
                }
            }
        }
        if (cache != null) {
            try {
                if (!aCached) cache.put(aKey, a);
                if (!vCached) cache.putPixels(vKey, v);
            } catch (IOException e) {
                // a cache that cannot be written costs time, not correctness
            }
        }
        return new Features(a, v, aCached, vCached);
    }

    /**
     * The log-Mel spectrogram of one clip alone: from the cache when present, else decoded (and cached).
     * Streamed datasets read their audio through this at every access, so nothing is kept in memory.
     */
    public float[] audio(Path video, Path audioFile, double start, double end) throws MediaException {
        Path src = audioFile == null ? video : audioFile;
        String key = recipe.audioKey() + "|" + identityOf(src) + "|" + start + "|" + end;
        float[] a = cache == null ? null : cache.get(key);
        if (a != null && a.length == recipe.audio().melBins() * melFrames()) return a;
        a = spectrogram(decoder.decode(src, true, false, start, end).samples());
        if (cache != null) {
            try {
                cache.put(key, a);
            } catch (IOException e) {
                // a cache that cannot be written costs time, not correctness
            }
        }
        return a;
    }

    /** The frames of one clip alone ([T][3][size][size] in [0, 1]): from the 8-bit cache entry when present, else decoded (and cached). */
    public float[] frames(Path video, double start, double end) throws MediaException {
        return Pixels.toFloats(pixels(video, start, end));
    }

    /**
     * The frames of one clip alone as 8-bit values ([T][3][size][size]): from the cache entry when
     * present, else decoded (and cached). Callers turn into floats only the frames they use.
     */
    public byte[] pixels(Path video, double start, double end) throws MediaException {
        String key = recipe.visualKey() + "|" + identityOf(video) + "|" + start + "|" + end;
        byte[] v = cache == null ? null : cache.getPixels(key);
        if (v != null && v.length == recipe.visualLength()) return v;
        v = decoder.decode(video, false, true, start, end).pixels();
        if (cache != null) {
            try {
                cache.putPixels(key, v);
            } catch (IOException e) {
                // a cache that cannot be written costs time, not correctness
            }
        }
        return v;
    }

    /** Whether arrays can be read back later without keeping them (a cache is in use). */
    public boolean caches() {
        return cache != null;
    }

    private static String identityOf(Path p) throws MediaException {
        try {
            return FeatureCache.identity(p);
        } catch (IOException e) {
            throw new MediaException("missing on disk or unreadable: " + p);
        }
    }

    private float[] spectrogram(float[] samples) {
        return mel.get().computeFlat(AudioFit.fit(samples, recipe.samples(), "tile".equals(recipe.shortAudio())));
    }
}
