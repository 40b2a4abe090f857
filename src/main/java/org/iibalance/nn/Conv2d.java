package org.iibalance.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A 2-D convolution with "same" padding (odd kernels: explicit padding k/2, which takes libtorch's
 * direct path instead of the "same"-mode wrapper) and stride 1, initialised as PyTorch's {@code nn.Conv2d}.
 */
public final class Conv2d extends NetModule {
    private final Tensor weight;
    private final Tensor bias;
    private final long[] padding;

    public Conv2d(long in, long out, long kernel) {
        if (kernel % 2 == 0) throw new IllegalArgumentException("odd kernel sizes only (same padding)");
        padding = new long[] {kernel / 2, kernel / 2};
        double bound = 1.0 / Math.sqrt(in * kernel * kernel);
        weight = parameter("weight", uniform(bound, out, in, kernel, kernel));
        bias = parameter("bias", uniform(bound, out));
    }

    public Tensor forward(Tensor x) {
        return torch.conv2d(x, weight, new TensorOptional(bias), new long[] {1, 1}, padding, new long[] {1, 1}, 1);
    }

    /** The kernel [out, in, k, k] (a handle). */
    public Tensor weight() {
        return weight;
    }
}
