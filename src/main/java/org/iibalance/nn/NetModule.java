package org.iibalance.nn;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Base of every trainable piece: a libtorch {@link Module} that keeps its own handle on each
 * parameter it registers (the reference returned by {@code register_parameter} dangles once more
 * parameters are registered, so it must never be used).
 */
public abstract class NetModule extends Module {
    static {
        Engine.load();
    }

    private final List<Tensor> own = new ArrayList<>();

    /** Registers {@code init} as a trainable parameter and returns our own handle to it. */
    protected final Tensor parameter(String name, Tensor init) {
        Tensor p = init.detach().requires_grad_(true);
        register_parameter(name, p);
        own.add(p);
        return p;
    }

    /**
     * Registers {@code init} as a buffer (state that is saved and moved with the module but not trained,
     * e.g. BatchNorm's running statistics) and returns our own handle to it.
     */
    protected final Tensor buffer(String name, Tensor init) {
        Tensor b = init.detach();
        register_buffer(name, b);
        own.add(b);
        return b;
    }

    /** Registers a child module under {@code name}. */
    protected final <M extends Module> M child(String name, M m) {
        return register_module(name, m);
    }

    /** Uniform initialisation in [-bound, bound], PyTorch's default for Linear and Conv layers. */
    protected static Tensor uniform(double bound, long... shape) {
        return torch.rand(shape).mul_(new org.bytedeco.pytorch.Scalar(2 * bound)).sub_(new org.bytedeco.pytorch.Scalar(bound));
    }

    /** All trainable parameters of this module and its children. */
    public final TensorVector trainable() {
        return parameters(true);
    }

    /** All buffers (e.g. running statistics) of this module and its children. */
    public final TensorVector allBuffers() {
        return buffers(true);
    }

    /**
     * Kaiming-normal initialisation with fan_out mode for ReLU (torchvision's init of conv layers):
     * N(0, 2 / fan_out), with fan_out computed as PyTorch does from the weight shape
     * [out, in/groups, k...]: out x prod(k) (not divided by the groups).
     */
    protected static Tensor kaimingFanOut(long... shape) {
        long fanOut = shape[0];
        for (int i = 2; i < shape.length; i++) fanOut *= shape[i];
        return torch.randn(shape).mul_(new org.bytedeco.pytorch.Scalar(Math.sqrt(2.0 / fanOut)));
    }

    /** Normal N(0, std^2) initialisation (torchvision's init of MobileNetV2's classifier). */
    protected static Tensor normal(double std, long... shape) {
        return torch.randn(shape).mul_(new org.bytedeco.pytorch.Scalar(std));
    }

    /** Number of scalar parameters. */
    public final long parameterCount() {
        TensorVector v = parameters(true);
        long n = 0;
        for (long i = 0; i < v.size(); i++) n += v.get(i).numel();
        return n;
    }
}
