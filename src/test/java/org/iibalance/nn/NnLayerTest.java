package org.iibalance.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NnLayerTest {

    @Test
    void floatsRoundTripThroughTensors() {
        float[] data = {1, 2, 3, 4, 5, 6};
        try (NativeScope s = new NativeScope()) {
            Tensor t = Tensors.floats(data, 2, 3);
            assertEquals(2, t.size(0));
            assertEquals(3, t.size(1));
            assertArrayEquals(data, Tensors.toFloats(t));
            assertArrayEquals(new float[] {4, 5, 6}, Tensors.toMatrix(t)[1]);
        }
    }

    @Test
    void l2NormalizeHasFiniteGradientsAtAZeroRow() {
        // a row of dead ReLU features is all zeros; its gradient must be finite (it was NaN)
        try (NativeScope s = new NativeScope()) {
            Tensor x = Tensors.floats(new float[] {0, 0, 0, 3, 4, 0}, 2, 3).set_requires_grad(true);
            Tensor y = Ops.l2Normalize(x);
            assertArrayEquals(new float[] {0, 0, 0, 0.6f, 0.8f, 0}, Tensors.toFloats(y), 1e-6f);
            y.mul(Tensors.floats(new float[] {1, 2, 3, 1, 2, 3}, 2, 3)).sum().backward();
            float[] g = Tensors.toFloats(x.grad());
            for (float v : g) assertTrue(Float.isFinite(v), "gradient " + java.util.Arrays.toString(g));
            // the non-zero row: d/dx (x . c / |x|) = c/|x| - (x . c) x / |x|^3 with x = (3, 4, 0), c = (1, 2, 3)
            assertEquals(1 / 5.0 - 11 * 3 / 125.0, g[3], 1e-5);
            assertEquals(2 / 5.0 - 11 * 4 / 125.0, g[4], 1e-5);
            assertEquals(3 / 5.0, g[5], 1e-5);
        }
    }

    @Test
    void linearLayerLearnsASeparableProblemWithAdam() {
        Engine.seed(1);
        Linear lin = new Linear(2, 2);
        Adam opt = new Adam(lin.trainable(), new AdamOptions(0.05));
        float[] x = new float[200];
        int[] y = new int[100];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 100; i++) {
            y[i] = i % 2;
            x[2 * i] = (float) (r.nextGaussian() * 0.3 + (y[i] == 0 ? -1 : 1));
            x[2 * i + 1] = (float) (r.nextGaussian() * 0.3);
        }
        double first = 0, last = 0;
        for (int step = 0; step < 100; step++) {
            try (NativeScope s = new NativeScope()) {
                opt.zero_grad();
                Tensor logits = lin.forward(Tensors.floats(x, 100, 2));
                Tensor loss = torch.nll_loss(torch.log_softmax(logits, 1), Tensors.labels(y, null));
                loss.backward();
                opt.step();
                if (step == 0) first = loss.item_double();
                last = loss.item_double();
            }
        }
        assertTrue(last < first * 0.3, "loss should fall: " + first + " -> " + last);
    }

    @Test
    void checkpointRestoresWeightsExactly(@TempDir Path dir) throws Exception {
        Engine.seed(7);
        Linear a = new Linear(3, 4);
        Engine.seed(8);
        Linear b = new Linear(3, 4);
        assertFalse(java.util.Arrays.equals(Tensors.toFloats(a.weight()), Tensors.toFloats(b.weight())));
        Path f = dir.resolve("w.pt");
        Checkpoints.saveModule(a, f);
        Checkpoints.loadModule(b, f);
        assertArrayEquals(Tensors.toFloats(a.weight()), Tensors.toFloats(b.weight()));
        assertArrayEquals(Tensors.toFloats(a.bias()), Tensors.toFloats(b.bias()));
    }

    @Test
    void deviceNamesAreCheckedWithAClearMessage() {
        assertNull(Devices.check("cpu"));
        assertNull(Devices.check("cuda:1"));
        assertNull(Devices.check("auto"));
        assertTrue(Devices.check("gpu0").contains("allowed"));
        assertEquals("cpu", Devices.resolve("cpu"));
    }
}
