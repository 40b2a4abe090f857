package org.iibalance.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses which k of a clip's T decoded frames feed the model ({@code dataset.visual.framesPerClip}),
 * as the peers sample a few frames of the 16 fps stream: in training a fresh random choice per clip
 * and epoch, seeded by (seed, epoch, clip id), so a run (and a resumed one) sees the same frames
 * whatever the loader's threads do; in validation and test the same k evenly spaced frames every
 * time. The chosen frames keep their order in time.
 */
public final class FrameSampler {
    private final int total, chosen, frameSize;

    /**
     * @param total     T, the frames of a clip's array
     * @param chosen    k, the frames fed to the model (1 <= k <= T)
     * @param frameSize values per frame (channels x height x width)
     */
    public FrameSampler(int total, int chosen, int frameSize) {
        if (chosen < 1 || chosen > total) throw new IllegalArgumentException("framesPerClip must be in [1, " + total + "], got " + chosen);
        this.total = total;
        this.chosen = chosen;
        this.frameSize = frameSize;
    }

    /** The modality as the model sees it: [k, C, H, W]. */
    public ModalitySpec seen(ModalitySpec frames) {
        long[] s = frames.shape().clone();
        s[0] = chosen;
        return new ModalitySpec(frames.name(), frames.kind(), s);
    }

    /** k evenly spaced frame indices: the middle frame of each of k equal parts of the clip. */
    public int[] evenly() {
        int[] idx = new int[chosen];
        for (int i = 0; i < chosen; i++) idx[i] = (int) Math.floor((i + 0.5) * total / chosen);
        return idx;
    }

    /** k distinct frame indices drawn uniformly for this clip and epoch, in time order. */
    public int[] random(long seed, int epoch, String clipId) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (epoch + 1L) * 0xC2B2AE3D27D4EB4FL ^ clipId.hashCode() * 0x165667B19E3779F9L);
        int[] all = new int[total];
        for (int i = 0; i < total; i++) all[i] = i;
        for (int i = 0; i < chosen; i++) { // partial Fisher-Yates: the first k are a uniform choice
            int j = i + r.nextInt(total - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] idx = Arrays.copyOf(all, chosen);
        Arrays.sort(idx);
        return idx;
    }

    /**
     * The chosen frames of a clip's modality, as a [k, C, H, W] array. A clip streamed from the feature
     * cache turns only those k frames into floats; any other clip gives {@code take(clip.input(m), idx)}.
     */
    public float[] take(Clip clip, int modality, int[] idx) {
        if (clip.inputs() instanceof StreamedInputs s) return s.frames(modality, idx, frameSize);
        return take(clip.input(modality), idx);
    }

    /** The chosen frames of a clip's [T, C, H, W] array, as a [k, C, H, W] array. */
    public float[] take(float[] frames, int[] idx) {
        if (frames.length != total * frameSize) throw new IllegalArgumentException("expected " + total + " frames of " + frameSize + " values, got " + frames.length + " values");
        float[] out = new float[idx.length * frameSize];
        for (int i = 0; i < idx.length; i++) System.arraycopy(frames, idx[i] * frameSize, out, i * frameSize, frameSize);
        return out;
    }
}
