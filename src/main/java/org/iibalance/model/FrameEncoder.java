package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;

/**
 * Visual encoder: the same small CNN applied to every frame ([B, T, C, H, W] folded to [B*T, C, H, W]),
 * then temporal average pooling over the T frames to [B, d] (as the peers' ResNet-18 pipelines do).
 */
public final class FrameEncoder extends ConvEncoder {
    public FrameEncoder(long channels, long width, long featureDim) {
        super(channels, width, featureDim);
    }

    @Override
    public Tensor forward(Tensor x) {
        long b = x.size(0), t = x.size(1);
        Tensor perFrame = stack.forward(x.reshape(b * t, x.size(2), x.size(3), x.size(4)));
        return perFrame.reshape(b, t, featureDim()).mean(new long[] {1}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
    }
}
