package org.iibalance.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Conv2d against the same convolution in float64 (which libtorch computes without oneDNN). With 4 or
 * 8 output channels, plain {@code torch.conv2d} in float32 gave a wrong input gradient (often NaN) in
 * about half of the repetitions on AVX-512 and every time on AVX2 (oneDNN's backward-data with output
 * channels not a multiple of its block); Conv2d must be right every time.
 */
class Conv2dTest {
    private static final int REPEATS = 12;

    @Test
    void inputGradientMatchesFloat64WithFewOutputChannels() {
        for (long[] io : new long[][] {{3, 4}, {4, 8}, {1, 4}, {8, 24}, {16, 16}}) {
            Engine.seed(5);
            Conv2d conv = new Conv2d(io[0], io[1], 3);
            Tensor x = torch.randn(new long[] {32, io[0], 12, 12});
            Tensor go = torch.randn(new long[] {32, io[1], 12, 12});
            Expected ref = float64(conv, x, go);
            for (int r = 0; r < REPEATS; r++) {
                try (NativeScope s = new NativeScope()) {
                    Tensor xx = x.detach().clone().set_requires_grad(true);
                    Tensor y = conv.forward(xx);
                    assertEquals(io[1], y.size(1), "output channels");
                    conv.zero_grad(true);
                    y.mul(go).sum().backward();
                    String what = io[0] + "->" + io[1] + " channels, repetition " + r;
                    assertClose(ref.y, Tensors.toFloats(y), "output, " + what);
                    assertClose(ref.gradX, Tensors.toFloats(xx.grad()), "input gradient, " + what);
                    assertClose(ref.gradW, Tensors.toFloats(conv.weight().grad()), "weight gradient, " + what);
                }
            }
        }
    }

    @Test
    void backboneConvolutionsMatchFloat64WithFewChannels() {
        // {in, out, stride, groups}: a strided ResNet-style convolution and a MobileNetV2 depthwise one, at small widths
        for (long[] c : new long[][] {{3, 8, 2, 1}, {8, 24, 1, 1}, {8, 8, 1, 8}, {24, 24, 2, 24}}) {
            Engine.seed(7);
            Conv2d conv = Conv2d.kaiming(c[0], c[1], 3, c[2], 1, c[3]);
            Tensor x = torch.randn(new long[] {16, c[0], 10, 10});
            Tensor go;
            try (NativeScope s = new NativeScope()) {
                go = Tensors.persistent(torch.randn(conv.forward(x).sizes().vec().get()));
            }
            Tensor xd = x.to(torch.ScalarType.Double).set_requires_grad(true);
            Tensor wd = conv.weight().detach().to(torch.ScalarType.Double).set_requires_grad(true);
            Tensor yd = torch.conv2d(xd, wd, new TensorOptional(), new long[] {c[2], c[2]}, new long[] {1, 1}, new long[] {1, 1}, c[3]);
            yd.mul(go.to(torch.ScalarType.Double)).sum().backward();
            Expected ref = new Expected(Tensors.toFloats(yd), Tensors.toFloats(xd.grad()), Tensors.toFloats(wd.grad()));
            for (int r = 0; r < REPEATS; r++) {
                try (NativeScope s = new NativeScope()) {
                    Tensor xx = x.detach().clone().set_requires_grad(true);
                    Tensor y = conv.forward(xx);
                    conv.zero_grad(true);
                    y.mul(go).sum().backward();
                    String what = java.util.Arrays.toString(c) + ", repetition " + r;
                    assertClose(ref.y, Tensors.toFloats(y), "output, " + what);
                    assertClose(ref.gradX, Tensors.toFloats(xx.grad()), "input gradient, " + what);
                    assertClose(ref.gradW, Tensors.toFloats(conv.weight().grad()), "weight gradient, " + what);
                }
            }
        }
    }

    private record Expected(float[] y, float[] gradX, float[] gradW) {}

    private static Expected float64(Conv2d conv, Tensor x, Tensor go) {
        try (NativeScope s = new NativeScope()) {
            Tensor xd = x.to(torch.ScalarType.Double).set_requires_grad(true);
            Tensor wd = conv.weight().detach().to(torch.ScalarType.Double).set_requires_grad(true);
            Tensor bd = conv.bias().detach().to(torch.ScalarType.Double);
            Tensor y = torch.conv2d(xd, wd, new TensorOptional(bd), new long[] {1, 1}, new long[] {1, 1}, new long[] {1, 1}, 1);
            y.mul(go.to(torch.ScalarType.Double)).sum().backward();
            return new Expected(Tensors.toFloats(y), Tensors.toFloats(xd.grad()), Tensors.toFloats(wd.grad()));
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-3 * (1 + Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) fail(what + ": element " + i + " is " + actual[i] + ", float64 gives " + expected[i]);
        }
    }
}
