package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;

/** Audio encoder: a small 2-D CNN over the log-Mel spectrogram [B, 1, mel, time] to [B, d]. */
public final class SpectrogramEncoder extends ConvEncoder {
    public SpectrogramEncoder(long channels, long width, long featureDim) {
        super(channels, width, featureDim);
    }

    @Override
    public Tensor forward(Tensor x) {
        return stack.forward(x);
    }
}
