package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;

/** {@code conv-small} for one image [N, C, H, W]: the small CNN with global average pooling, to [N, d]. */
public final class SmallImageEncoder extends Encoder {
    private final ConvStack stack;
    private final long d;

    public SmallImageEncoder(long channels, long width, long featureDim) {
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
