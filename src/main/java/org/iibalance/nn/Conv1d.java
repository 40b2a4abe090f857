package org.iibalance.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A 1-D convolution over time, [N, C_in, L] to [N, C_out, L'], with stride 1 and "same" padding k/2
 * (odd kernels), no bias (a {@link BatchNorm} follows), kaiming-normal fan_out weights. Output
 * channels are padded to a multiple of {@link Conv2d#CHANNEL_BLOCK} inside {@link #forward}, for the
 * oneDNN input-gradient bug described in {@link Conv2d}.
 */
public final class Conv1d extends NetModule {
    private final Tensor weight;
    private final long[] padding;
    private final long out;

    public Conv1d(long in, long out, long kernel) {
        if (kernel % 2 == 0) throw new IllegalArgumentException("odd kernel sizes only (same padding)");
        padding = new long[] {kernel / 2};
        this.out = out;
        weight = parameter("weight", kaimingFanOut(out, in, kernel));
    }

    public Tensor forward(Tensor x) {
        long extra = Conv2d.extraChannels(out);
        if (extra == 0) return torch.conv1d(x, weight, new TensorOptional(), new long[] {1}, padding, new long[] {1}, 1);
        Tensor w = torch.constant_pad_nd(weight, 0, 0, 0, 0, 0, extra); // zero output channels appended
        return torch.conv1d(x, w, new TensorOptional(), new long[] {1}, padding, new long[] {1}, 1).narrow(1, 0, out).contiguous();
    }
}
