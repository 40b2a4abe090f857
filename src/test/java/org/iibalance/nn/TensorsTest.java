package org.iibalance.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class TensorsTest {

    @Test
    void persistentTensorOutlivesItsScope() {
        Tensor kept;
        try (NativeScope outer = new NativeScope()) {
            try (NativeScope s = new NativeScope()) {
                kept = Tensors.persistent(Tensors.floats(new float[] {1, 2, 3}, 3));
                // JavaCPP's detach alone freed it right here (address 0)
                assertFalse(kept.isNull(), "freed by persistent()");
            }
            assertFalse(kept.isNull(), "freed with the scope it was made in");
        }
        assertFalse(kept.isNull(), "freed with an enclosing scope");
        assertArrayEquals(new float[] {1, 2, 3}, Tensors.toFloats(kept));
        kept.close();
        assertTrue(kept.isNull(), "close() frees it");
    }

    @Test
    void persistentOutsideAnyScopeIsTheSameHandle() {
        Tensor t = Tensors.floats(new float[] {4}, 1);
        assertSame(t, Tensors.persistent(t));
        assertArrayEquals(new float[] {4}, Tensors.toFloats(t));
        t.close();
    }
}
