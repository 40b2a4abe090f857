package org.iibalance.data;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.iibalance.media.FeatureExtractor;
import org.iibalance.media.MediaException;
import org.iibalance.media.Pixels;

/**
 * The inputs of a media clip read from the on-disk feature cache at every access instead of kept in
 * memory: audio (index 0) as its cached log-Mel floats, frames (index 1) from their 8-bit entry. So a
 * dataset's resident memory does not grow with its number of clips; the {@link BatchLoader}'s workers
 * read the next batches while the current one trains. Standardisation with the training statistics
 * ({@link Standardizer}) is applied on read, by the same code as the in-memory path ({@link Standardizer#standardize}), so
 * both give identical values. An entry missing from the cache (deleted meanwhile) is decoded again.
 */
final class StreamedInputs extends AbstractList<float[]> implements RandomAccess {
    private final FeatureExtractor fx;
    private final ClipSource source;
    private final float[] mean, inverseStd;

    StreamedInputs(FeatureExtractor fx, ClipSource source) {
        this(fx, source, null, null);
    }

    private StreamedInputs(FeatureExtractor fx, ClipSource source, float[] mean, float[] inverseStd) {
        this.fx = fx;
        this.source = source;
        this.mean = mean;
        this.inverseStd = inverseStd;
    }

    /** The same inputs standardised on read: (x - mean_m) * (1 / std_m), as {@link Standardizer} does. */
    StreamedInputs standardized(float[] mean, float[] inverseStd) {
        return new StreamedInputs(fx, source, mean, inverseStd); // the split's float statistics, shared by every clip
    }

    @Override
    public float[] get(int modality) {
        float[] x;
        try {
            x = switch (modality) {
                case 0 -> fx.audio(source.video(), source.audio(), source.start(), source.end());
                case 1 -> fx.frames(source.video(), source.start(), source.end());
                default -> throw new IndexOutOfBoundsException("modality " + modality + " of 2");
            };
        } catch (MediaException e) {
            throw new IllegalStateException("clip " + source.id() + " (" + source.video() + "): cannot be read back from the feature cache or decoded again: "
                    + e.getMessage(), e);
        }
        if (mean == null) return x;
        Standardizer.standardize(x, x, mean[modality], inverseStd[modality]);
        return x;
    }

    /**
     * Frames {@code idx} of the clip ([k][C][H][W], {@code frameSize} values each), read from the 8-bit
     * cache entry; only those frames become floats, standardised as {@link #get} does, so the values are
     * identical to taking them from {@code get(modality)}.
     */
    float[] frames(int modality, int[] idx, int frameSize) {
        if (modality != 1) throw new IndexOutOfBoundsException("modality " + modality + " has no frames");
        byte[] q;
        try {
            q = fx.pixels(source.video(), source.start(), source.end());
        } catch (MediaException e) {
            throw new IllegalStateException("clip " + source.id() + " (" + source.video() + "): cannot be read back from the feature cache or decoded again: "
                    + e.getMessage(), e);
        }
        float[] out = new float[idx.length * frameSize];
        for (int i = 0; i < idx.length; i++) {
            if ((long) (idx[i] + 1) * frameSize > q.length) throw new IllegalArgumentException("clip " + source.id() + ": frame " + idx[i] + " is past its " + q.length / frameSize + " frames");
            Pixels.toFloats(q, idx[i] * frameSize, out, i * frameSize, frameSize);
        }
        if (mean == null) return out;
        Standardizer.standardize(out, out, mean[modality], inverseStd[modality]);
        return out;
    }

    @Override
    public int size() {
        return 2;
    }
}
