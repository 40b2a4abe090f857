package org.iibalance.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A 2-D convolution. The small encoders use {@link #Conv2d(long, long, long)}: stride 1, "same"
 * padding (odd kernels: explicit padding k/2, which takes libtorch's direct path instead of the
 * "same"-mode wrapper), a bias, initialised as PyTorch's {@code nn.Conv2d}. The paper's backbones
 * use {@link #kaiming}: any stride, padding and groups (depthwise convolutions), no bias (a BatchNorm
 * follows), torchvision's kaiming-normal fan_out initialisation.
 */
public final class Conv2d extends NetModule {
    private final Tensor weight;
    private final Tensor bias;
    private final long[] stride;
    private final long[] padding;
    private final long groups;

    public Conv2d(long in, long out, long kernel) {
        if (kernel % 2 == 0) throw new IllegalArgumentException("odd kernel sizes only (same padding)");
        stride = new long[] {1, 1};
        padding = new long[] {kernel / 2, kernel / 2};
        groups = 1;
        double bound = 1.0 / Math.sqrt(in * kernel * kernel);
        weight = parameter("weight", uniform(bound, out, in, kernel, kernel));
        bias = parameter("bias", uniform(bound, out));
    }

    private Conv2d(long in, long out, long kernel, long stride, long padding, long groups) {
        if (in % groups != 0 || out % groups != 0) throw new IllegalArgumentException("channels " + in + " -> " + out + " not divisible by groups " + groups);
        this.stride = new long[] {stride, stride};
        this.padding = new long[] {padding, padding};
        this.groups = groups;
        weight = parameter("weight", kaimingFanOut(out, in / groups, kernel, kernel));
        bias = null;
    }

    /** A bias-free convolution with kaiming-normal (fan_out, ReLU) weights, as torchvision's ResNet / MobileNetV2. */
    public static Conv2d kaiming(long in, long out, long kernel, long stride, long padding, long groups) {
        return new Conv2d(in, out, kernel, stride, padding, groups);
    }

    public Tensor forward(Tensor x) {
        return torch.conv2d(x, weight, bias == null ? new TensorOptional() : new TensorOptional(bias), stride, padding, new long[] {1, 1}, groups);
    }

    /** The kernel [out, in/groups, k, k] (a handle). */
    public Tensor weight() {
        return weight;
    }
}
