package org.iibalance.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A 2-D convolution with "same" padding (odd kernels: explicit padding k/2, which takes libtorch's
 * direct path instead of the "same"-mode wrapper) and stride 1, initialised as PyTorch's {@code nn.Conv2d}.
 *
 * <p>Output channels are padded to a multiple of {@link #CHANNEL_BLOCK} inside {@link #forward}: the
 * oneDNN 3.7.1 bundled with libtorch 2.10 (CPU, float32, 3x3 kernels, batch of 2 or more) computes a
 * wrong input gradient, often NaN, when the number of output channels is not a multiple of its channel
 * block (16 with AVX-512, 8 with AVX2): backward-data reads the padded part of its blocked layout. The
 * forward output and the weight gradient are right; the input gradient of every convolution but the
 * first is what the earlier layers learn from, so training went NaN at random (Conv2dTest shows it).
 * The extra channels have zero weights and bias and are cut off again, so the result is the same
 * convolution; oneDNN pads to its block anyway, so it costs no extra arithmetic. The parameters keep
 * their true shapes (checkpoints are unchanged).
 */
public final class Conv2d extends NetModule {
    /** oneDNN's largest channel block (AVX-512: 16 floats; a multiple of the AVX2 block, 8). */
    public static final long CHANNEL_BLOCK = 16;

    private final Tensor weight;
    private final Tensor bias;
    private final long[] padding;
    private final long out;
    private final long extra;

    public Conv2d(long in, long out, long kernel) {
        if (kernel % 2 == 0) throw new IllegalArgumentException("odd kernel sizes only (same padding)");
        padding = new long[] {kernel / 2, kernel / 2};
        this.out = out;
        this.extra = (CHANNEL_BLOCK - out % CHANNEL_BLOCK) % CHANNEL_BLOCK;
        double bound = 1.0 / Math.sqrt(in * kernel * kernel);
        weight = parameter("weight", uniform(bound, out, in, kernel, kernel));
        bias = parameter("bias", uniform(bound, out));
    }

    public Tensor forward(Tensor x) {
        if (extra == 0) return conv(x, weight, bias);
        // zero output channels appended (constant_pad_nd pads the last dimension first)
        Tensor w = torch.constant_pad_nd(weight, 0, 0, 0, 0, 0, 0, 0, extra);
        Tensor b = torch.constant_pad_nd(bias, 0, extra);
        return conv(x, w, b).narrow(1, 0, out).contiguous();
    }

    private Tensor conv(Tensor x, Tensor w, Tensor b) {
        return torch.conv2d(x, w, new TensorOptional(b), new long[] {1, 1}, padding, new long[] {1, 1}, 1);
    }

    /** The kernel [out, in, k, k] (a handle). */
    public Tensor weight() {
        return weight;
    }

    /** The bias [out] (a handle). */
    public Tensor bias() {
        return bias;
    }
}
