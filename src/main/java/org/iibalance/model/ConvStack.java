package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.Conv2d;
import org.iibalance.nn.NetModule;

/**
 * Three 3x3 convolutions with ReLU, max-pooling after the first two (when the map is large enough),
 * then global average pooling: [N, C, H, W] to [N, d].
 */
final class ConvStack extends NetModule {
    private final Conv2d c1;
    private final Conv2d c2;
    private final Conv2d c3;

    ConvStack(long inChannels, long width, long featureDim) {
        c1 = child("conv1", new Conv2d(inChannels, width, 3));
        c2 = child("conv2", new Conv2d(width, 2 * width, 3));
        c3 = child("conv3", new Conv2d(2 * width, featureDim, 3));
    }

    Tensor forward(Tensor x) {
        Tensor h = torch.relu(c1.forward(x));
        if (h.size(2) >= 4 && h.size(3) >= 4) h = torch.max_pool2d(h, 2, 2);
        h = torch.relu(c2.forward(h));
        if (h.size(2) >= 4 && h.size(3) >= 4) h = torch.max_pool2d(h, 2, 2);
        h = torch.relu(c3.forward(h));
        return h.mean(new long[] {2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
    }
}
