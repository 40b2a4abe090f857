package org.iibalance.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** y = x W^T + b, initialised as PyTorch's {@code nn.Linear}. */
public final class Linear extends NetModule {
    public final long in;
    public final long out;
    private final Tensor weight;
    private final Tensor bias;

    public Linear(long in, long out) {
        this.in = in;
        this.out = out;
        double bound = 1.0 / Math.sqrt(in);
        weight = parameter("weight", uniform(bound, out, in));
        bias = parameter("bias", uniform(bound, out));
    }

    public Tensor forward(Tensor x) {
        return torch.linear(x, weight, new TensorOptional(bias));
    }

    /** The weight matrix [out, in] (a handle, not a copy). */
    public Tensor weight() {
        return weight;
    }

    /** The bias vector [out] (a handle, not a copy). */
    public Tensor bias() {
        return bias;
    }
}
