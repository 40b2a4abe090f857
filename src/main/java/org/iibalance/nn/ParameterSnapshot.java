package org.iibalance.nn;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * An in-memory copy of a module's parameters and buffers (BatchNorm's running statistics), to keep
 * the best weights seen during training (e.g. the unimodal budget models, selected on validation) and
 * put them back. Without the buffers a restored BatchNorm model would normalise with the statistics of
 * the last epoch instead of the selected one.
 */
public final class ParameterSnapshot implements AutoCloseable {
    private final List<Tensor> copies = new ArrayList<>();

    /** Copies the current parameters of the given modules. */
    public ParameterSnapshot(NetModule... modules) {
        try (NoGradGuard g = new NoGradGuard()) {
            for (NetModule module : modules) {
                for (TensorVector ps : new TensorVector[] {module.trainable(), module.allBuffers()}) {
                    for (long i = 0; i < ps.size(); i++) copies.add(Tensors.persistent(ps.get(i).detach().clone()));
                }
            }
        }
    }

    /** Copies the saved values back into the modules' parameters (same modules, same order). */
    public void restore(NetModule... modules) {
        try (NoGradGuard g = new NoGradGuard()) {
            int k = 0;
            for (NetModule module : modules) {
                for (TensorVector ps : new TensorVector[] {module.trainable(), module.allBuffers()}) {
                    for (long i = 0; i < ps.size(); i++) {
                        if (k >= copies.size()) throw new IllegalArgumentException("snapshot of other modules");
                        ps.get(i).copy_(copies.get(k++));
                    }
                }
            }
            if (k != copies.size()) throw new IllegalArgumentException("snapshot of other modules");
        }
    }

    @Override
    public void close() {
        for (Tensor t : copies) t.close();
        copies.clear();
    }
}
