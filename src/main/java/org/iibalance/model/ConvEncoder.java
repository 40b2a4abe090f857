package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;

/** An encoder built on a {@link ConvStack}: what differs between modalities is how input is folded. */
abstract class ConvEncoder extends Encoder {
    protected final ConvStack stack;
    private final long d;

    ConvEncoder(long channels, long width, long featureDim) {
        this.d = featureDim;
        stack = child("cnn", new ConvStack(channels, width, featureDim));
    }

    @Override
    public final long featureDim() {
        return d;
    }

    @Override
    public abstract Tensor forward(Tensor x);
}
