package org.iibalance.nn;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Batch normalisation over the channel dimension (1) of [N, C], [N, C, L] or [N, C, H, W] inputs, as
 * PyTorch's {@code nn.BatchNorm1d/2d}: y = (x - mean) / sqrt(var + eps) * weight + bias.
 *
 * <p>In training mode ({@link #is_training()}) the batch statistics normalise and the running mean and
 * (unbiased) variance move towards them with {@code momentum} 0.1; in evaluation mode the running
 * statistics normalise. The running statistics are registered buffers: {@code Module.save} writes them
 * into checkpoints, {@code Module.to} moves them to the device, and {@link ParameterSnapshot} copies
 * them. The mode follows the enclosing module's {@code train(boolean)} / {@code eval()}.
 * Initialised as torchvision does: weight 1, bias 0.
 */
public final class BatchNorm extends NetModule {
    /** PyTorch's defaults. */
    public static final double MOMENTUM = 0.1;
    public static final double EPS = 1e-5;

    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;

    public BatchNorm(long channels) {
        weight = parameter("weight", torch.ones(channels));
        bias = parameter("bias", torch.zeros(channels));
        runningMean = buffer("running_mean", torch.zeros(channels));
        runningVar = buffer("running_var", torch.ones(channels));
    }

    public Tensor forward(Tensor x) {
        // the running statistics are updated in place by the kernel in training mode
        return torch.batch_norm(x, new TensorOptional(weight), new TensorOptional(bias), new TensorOptional(runningMean),
                new TensorOptional(runningVar), is_training(), MOMENTUM, EPS, true);
    }

    /** The running mean (a handle; for tests and inspection). */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The running variance (a handle). */
    public Tensor runningVar() {
        return runningVar;
    }

    /** gamma, the scale (a handle). */
    public Tensor weight() {
        return weight;
    }

    /** Sets the scale to a constant (torchvision's zero-init of the last BN of a residual block uses 0). */
    public void fillWeight(double v) {
        try (org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
            weight.fill_(new Scalar(v));
        }
    }
}
