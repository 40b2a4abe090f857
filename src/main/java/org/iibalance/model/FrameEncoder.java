package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;

/**
 * Visual encoder: the same small CNN applied to every frame ([B, T, C, H, W] folded to [B*T, C, H, W]),
 * then temporal average pooling over the T frames to [B, d] (as the peers' ResNet-18 pipelines do).
 */
public final class FrameEncoder extends Encoder {
    private final ConvStack stack;
    private final long d;

    public FrameEncoder(long channels, long width, long featureDim) {
        this.d = featureDim;
        stack = child("cnn", new ConvStack(channels, width, featureDim));
    }

    @Override
    public long featureDim() {
        return d;
    }

    @Override
    public Tensor forward(Tensor x) {
        long b = x.size(0), t = x.size(1);
        Tensor folded = x.reshape(b * t, x.size(2), x.size(3), x.size(4));
        Tensor perFrame = stack.forward(folded);
        return perFrame.reshape(b, t, d).mean(new long[] {1}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
    }
}
