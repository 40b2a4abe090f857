package org.iibalance.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchNorm against hand-computed values: batch statistics in training, running statistics in evaluation. */
class BatchNormTest {
    /** Two channels, batch of 4: channel 0 = 1, 2, 3, 6 (mean 3, biased var 3.5, unbiased 14/3); channel 1 = 0 everywhere. */
    private static final float[] X = {1, 0, 2, 0, 3, 0, 6, 0};

    /** A parent holding a BatchNorm as a child, as the encoders do. */
    static final class Parent extends NetModule {
        final BatchNorm bn;

        Parent() {
            bn = child("bn", new BatchNorm(2));
        }
    }

    @Test
    void trainingNormalisesWithBatchStatisticsAndMovesTheRunningOnes() {
        try (NativeScope s = new NativeScope()) {
            Parent p = new Parent();
            p.train(true);
            float[] y = Tensors.toFloats(p.bn.forward(Tensors.floats(X, 4, 2)));
            double sd = Math.sqrt(3.5 + BatchNorm.EPS);
            assertEquals((1 - 3) / sd, y[0], 1e-5);
            assertEquals((6 - 3) / sd, y[6], 1e-5);
            assertEquals(0, y[1], 1e-6);
            // running = 0.9 running + 0.1 batch (unbiased variance)
            float[] mean = Tensors.toFloats(p.bn.runningMean());
            float[] var = Tensors.toFloats(p.bn.runningVar());
            assertEquals(0.1 * 3, mean[0], 1e-6);
            assertEquals(0.9 + 0.1 * 14.0 / 3, var[0], 1e-5);
            assertEquals(0, mean[1], 1e-7);
            assertEquals(0.9, var[1], 1e-6);
        }
    }

    @Test
    void evaluationModeOfTheParentUsesTheRunningStatisticsAndLeavesThemAlone() {
        try (NativeScope s = new NativeScope()) {
            Parent p = new Parent();
            p.train(true);
            p.bn.forward(Tensors.floats(X, 4, 2)); // running mean 0.3, var 0.9 + 1.4/3
            p.eval();
            assertFalse(p.bn.is_training(), "eval() reaches the child");
            float[] y = Tensors.toFloats(p.bn.forward(Tensors.floats(X, 4, 2)));
            double var = 0.9 + 0.1 * 14.0 / 3;
            assertEquals((6 - 0.3) / Math.sqrt(var + BatchNorm.EPS), y[6], 1e-5);
            assertEquals(0.3, Tensors.toFloats(p.bn.runningMean())[0], 1e-6, "evaluation does not move the statistics");
            // a single example is fine in evaluation mode (no batch statistics needed)
            assertEquals(2, Tensors.toFloats(p.bn.forward(Tensors.floats(new float[] {6, 0}, 1, 2))).length);
        }
    }

    @Test
    void runningStatisticsAreSavedInCheckpointsAndSnapshots(@TempDir Path tmp) throws Exception {
        Parent p = new Parent();
        p.train(true);
        try (NativeScope s = new NativeScope()) {
            p.bn.forward(Tensors.floats(X, 4, 2));
        }
        Checkpoints.saveModule(p, tmp.resolve("bn.pt"));
        try (ParameterSnapshot snap = new ParameterSnapshot(p)) { // as the budget phase keeps its best epoch
            try (NativeScope s = new NativeScope()) {
                p.bn.forward(Tensors.floats(X, 4, 2)); // moves the statistics again
            }
            assertNotEquals(0.3, Tensors.toFloats(p.bn.runningMean())[0], 1e-3);
            snap.restore(p);
            assertEquals(0.3, Tensors.toFloats(p.bn.runningMean())[0], 1e-6, "the snapshot restores buffers");
        }
        Parent q = new Parent();
        assertEquals(0, Tensors.toFloats(q.bn.runningMean())[0]);
        Checkpoints.loadModule(q, tmp.resolve("bn.pt"));
        assertEquals(0.3, Tensors.toFloats(q.bn.runningMean())[0], 1e-6);
        assertEquals(0.9 + 0.1 * 14.0 / 3, Tensors.toFloats(q.bn.runningVar())[0], 1e-5);
    }

    @Test
    void kaimingConvolutionsHaveTorchvisionsFanOutScale() {
        Engine.seed(1);
        Conv2d c = Conv2d.kaiming(64, 128, 3, 1, 1, 1);
        double[] w = Tensors.toDoubles(c.weight());
        double ss = 0;
        for (double v : w) ss += v * v;
        double std = Math.sqrt(ss / w.length);
        assertEquals(Math.sqrt(2.0 / (128 * 9)), std, 0.02 * std, "std of N(0, 2 / fan_out), fan_out = 128 x 3 x 3");
        Tensor depthwise = Conv2d.kaiming(32, 32, 3, 2, 1, 32).weight();
        assertArrayEquals(new long[] {32, 1, 3, 3}, new long[] {depthwise.size(0), depthwise.size(1), depthwise.size(2), depthwise.size(3)});
    }
}
