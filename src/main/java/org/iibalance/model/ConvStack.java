package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.Conv2d;
import org.iibalance.nn.NetModule;

/**
 * The small CPU CNN ({@code conv-small}): three 3x3 convolutions with ReLU, max-pooling after the first
 * two (when the map is at least 4x4), [N, C, H, W] to a map [N, out, H', W'].
 */
final class ConvStack extends NetModule {
    private final Conv2d c1;
    private final Conv2d c2;
    private final Conv2d c3;

    ConvStack(long inChannels, long width, long outChannels) {
        c1 = child("conv1", new Conv2d(inChannels, width, 3));
        c2 = child("conv2", new Conv2d(width, 2 * width, 3));
        c3 = child("conv3", new Conv2d(2 * width, outChannels, 3));
    }

    /** The feature map after the third convolution. */
    Tensor map(Tensor x) {
        Tensor h = torch.relu(c1.forward(x));
        if (pools(h.size(2), h.size(3))) h = torch.max_pool2d(h, 2, 2);
        h = torch.relu(c2.forward(h));
        if (pools(h.size(2), h.size(3))) h = torch.max_pool2d(h, 2, 2);
        return torch.relu(c3.forward(h));
    }

    /** Global average pooling of {@link #map}: [N, out]. */
    Tensor forward(Tensor x) {
        return map(x).mean(new long[] {2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
    }

    static boolean pools(long h, long w) {
        return h >= 4 && w >= 4;
    }

    /** The height of {@link #map}'s output for an input of height h and width w. */
    static long outHeight(long h, long w) {
        for (int i = 0; i < 2; i++) {
            if (pools(h, w)) {
                h /= 2;
                w /= 2;
            }
        }
        return h;
    }
}
