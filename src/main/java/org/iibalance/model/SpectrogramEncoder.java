package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.Linear;

/**
 * Audio encoder {@code conv-small}: the small 2-D CNN over the log-Mel spectrogram [B, 1, mel, time],
 * max-pooled over time only, so that frequency position survives: the map [B, c, mel', time'] becomes
 * [B, c x mel'] and a linear layer projects it to [B, d].
 *
 * <p>Why not global average pooling (the first version): averaging over frequency and time mixes the
 * speech frames with the noise-only frames and forgets which bands carry energy; on AV-MNIST audio
 * (0 dB noise, speaker-disjoint) a copy of it stayed at 10-14% test accuracy where keeping frequency
 * and max-pooling over time reached 50-60% ({@code notes/experiments.md}).
 */
public final class SpectrogramEncoder extends Encoder {
    private final ConvStack stack;
    private final Linear project;
    private final long d;

    /**
     * @param melBins   mel bins of the input (its height)
     * @param frames    time frames of the input (its width)
     * @param width     channels of the first convolution
     */
    public SpectrogramEncoder(long inChannels, long melBins, long frames, long width, long featureDim) {
        this.d = featureDim;
        long channels = 2 * width;
        stack = child("cnn", new ConvStack(inChannels, width, channels));
        project = child("project", new Linear(channels * ConvStack.outHeight(melBins, frames), featureDim));
    }

    @Override
    public long featureDim() {
        return d;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor map = stack.map(x); // [B, c, mel', time']
        long t = map.size(3);
        // max over time, keep frequency: one max-pooling window spanning all frames
        Tensor pooled = torch.max_pool2d(map, new long[] {1, t}, new long[] {1, t}, new long[] {0, 0}, new long[] {1, 1}, false);
        return project.forward(pooled.flatten(1, 3));
    }
}
