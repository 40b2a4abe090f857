package org.iibalance.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** A 2-D convolution with "same" padding and stride 1, initialised as PyTorch's {@code nn.Conv2d}. */
public final class Conv2d extends NetModule {
    private final Tensor weight;
    private final Tensor bias;

    public Conv2d(long in, long out, long kernel) {
        double bound = 1.0 / Math.sqrt(in * kernel * kernel);
        weight = parameter("weight", uniform(bound, out, in, kernel, kernel));
        bias = parameter("bias", uniform(bound, out));
    }

    public Tensor forward(Tensor x) {
        return torch.conv2d(x, weight, new TensorOptional(bias), new long[] {1, 1}, "same", new long[] {1, 1}, 1);
    }

    /** The kernel [out, in, k, k] (a handle). */
    public Tensor weight() {
        return weight;
    }
}
