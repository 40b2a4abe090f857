package org.iibalance.nn;

import org.bytedeco.javacpp.PointerScope;

/**
 * A scope that frees every native temporary (tensors, vectors, options) created inside it when
 * closed. Wrap each training step and each evaluation batch in one, so that native memory stays
 * flat over a long run. Tensors that must outlive the scope are {@link #keep kept}.
 */
public final class NativeScope implements AutoCloseable {
    private final PointerScope scope = new PointerScope();

    @Override
    public void close() {
        scope.close();
    }
}
