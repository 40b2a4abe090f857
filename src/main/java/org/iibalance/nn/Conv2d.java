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
 *
 * <p>Output channels are padded to a multiple of {@link #CHANNEL_BLOCK} inside {@link #forward}: the
 * oneDNN 3.7.1 bundled with libtorch 2.10 (CPU, float32, batch of 2 or more) computes a wrong input
 * gradient, often NaN, when the number of output channels is not a multiple of its channel block (16
 * with AVX-512, 8 with AVX2): backward-data reads the padded part of its blocked layout. The forward
 * output and the weight gradient are right; the input gradient of every convolution but the first is
 * what the earlier layers learn from, so training went NaN at random ({@code Conv2dTest} shows it).
 * The extra channels have zero weights (and bias) and are cut off again, so the result is the same
 * convolution; oneDNN pads to its block anyway. A depthwise convolution (groups = in = out) gets zero
 * input channels too, so that every group still sees one channel. The parameters keep their true
 * shapes (checkpoints are unchanged). {@link Conv1d} goes through the same rule.
 */
public final class Conv2d extends NetModule {
    /** oneDNN's largest channel block (AVX-512: 16 floats; a multiple of the AVX2 block, 8). */
    public static final long CHANNEL_BLOCK = 16;

    private final Tensor weight;
    private final Tensor bias;
    private final long[] stride;
    private final long[] padding;
    private final long groups;
    private final long out;

    public Conv2d(long in, long out, long kernel) {
        if (kernel % 2 == 0) throw new IllegalArgumentException("odd kernel sizes only (same padding)");
        stride = new long[] {1, 1};
        padding = new long[] {kernel / 2, kernel / 2};
        groups = 1;
        this.out = out;
        double bound = 1.0 / Math.sqrt(in * kernel * kernel);
        weight = parameter("weight", uniform(bound, out, in, kernel, kernel));
        bias = parameter("bias", uniform(bound, out));
    }

    private Conv2d(long in, long out, long kernel, long stride, long padding, long groups) {
        if (in % groups != 0 || out % groups != 0) throw new IllegalArgumentException("channels " + in + " -> " + out + " not divisible by groups " + groups);
        this.stride = new long[] {stride, stride};
        this.padding = new long[] {padding, padding};
        this.groups = groups;
        this.out = out;
        weight = parameter("weight", kaimingFanOut(out, in / groups, kernel, kernel));
        bias = null;
    }

    /** A bias-free convolution with kaiming-normal (fan_out, ReLU) weights, as torchvision's ResNet / MobileNetV2. */
    public static Conv2d kaiming(long in, long out, long kernel, long stride, long padding, long groups) {
        return new Conv2d(in, out, kernel, stride, padding, groups);
    }

    public Tensor forward(Tensor x) {
        long extra = extraChannels(out);
        if (extra == 0 || (groups > 1 && groups != out)) return conv(x, weight, bias, groups);
        // zero output channels appended (constant_pad_nd pads the last dimension first)
        Tensor w = torch.constant_pad_nd(weight, 0, 0, 0, 0, 0, 0, 0, extra);
        Tensor b = bias == null ? null : torch.constant_pad_nd(bias, 0, extra);
        long g = groups;
        if (groups > 1) { // depthwise: one zero input channel per extra group
            x = torch.constant_pad_nd(x, 0, 0, 0, 0, 0, extra);
            g = groups + extra;
        }
        return conv(x, w, b, g).narrow(1, 0, out).contiguous();
    }

    /** Zero output channels that take {@code out} to the next multiple of {@link #CHANNEL_BLOCK}. */
    static long extraChannels(long out) {
        return (CHANNEL_BLOCK - out % CHANNEL_BLOCK) % CHANNEL_BLOCK;
    }

    private Tensor conv(Tensor x, Tensor w, Tensor b, long g) {
        return torch.conv2d(x, w, b == null ? new TensorOptional() : new TensorOptional(b), stride, padding, new long[] {1, 1}, g);
    }

    /** The kernel [out, in/groups, k, k] (a handle). */
    public Tensor weight() {
        return weight;
    }

    /** The bias [out] (a handle; null for {@link #kaiming} convolutions). */
    public Tensor bias() {
        return bias;
    }
}
