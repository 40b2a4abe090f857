package org.iibalance.model;

import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;

/**
 * Visual encoder: one image encoder applied to every frame ([B, T, C, H, W] folded to [B*T, C, H, W], so
 * that BatchNorm sees all frames of the batch), then temporal average pooling over the T frames to
 * [B, d], as the audio-visual balancing literature's ResNet-18 pipelines do.
 */
public final class FrameEncoder extends Encoder {
    private final Encoder perFrame;

    public FrameEncoder(Encoder perFrame) {
        this.perFrame = child("frame", perFrame);
    }

    @Override
    public long featureDim() {
        return perFrame.featureDim();
    }

    @Override
    public Tensor forward(Tensor x) {
        long b = x.size(0), t = x.size(1);
        Tensor z = perFrame.forward(x.reshape(b * t, x.size(2), x.size(3), x.size(4)));
        return z.reshape(b, t, featureDim()).mean(new long[] {1}, false, new ScalarTypeOptional());
    }
}
