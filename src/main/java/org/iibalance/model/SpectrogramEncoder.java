package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;

/** Audio encoder: a small 2-D CNN over the log-Mel spectrogram [B, 1, mel, time] to [B, d]. */
public final class SpectrogramEncoder extends Encoder {
    private final ConvStack stack;
    private final long d;

    public SpectrogramEncoder(long channels, long width, long featureDim) {
        this.d = featureDim;
        stack = child("cnn", new ConvStack(channels, width, featureDim));
    }

    @Override
    public long featureDim() {
        return d;
    }

    @Override
    public Tensor forward(Tensor x) {
        return stack.forward(x);
    }
}
