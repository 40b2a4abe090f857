package org.iibalance.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.iibalance.nn.Linear;
import org.iibalance.nn.NativeScope;
import org.iibalance.nn.NetModule;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Tensors;

/** Trains an encoder with a linear head on a {@link RealDigits.Set} and measures held-out accuracy. */
final class EncoderTraining {
    private EncoderTraining() {}

    /** An encoder and its classifier as one module (so train()/eval() reach both). */
    static final class Classifier extends NetModule {
        final Encoder encoder;
        final Linear head;

        Classifier(Encoder encoder, int classes) {
            this.encoder = child("encoder", encoder);
            this.head = child("head", new Linear(encoder.featureDim(), classes));
        }

        Tensor logits(Tensor x) {
            return head.forward(encoder.forward(x));
        }
    }

    /** Adam at {@code lr} for {@code epochs} over shuffled batches; returns the accuracy on {@code test} in eval mode. */
    static double trainAndTest(Classifier net, RealDigits.Set train, RealDigits.Set test, int epochs, int batch, double lr, long[] inputShape) {
        TensorVector params = net.trainable();
        Adam opt = new Adam(params, new AdamOptions(lr));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.y().length; i++) order.add(i);
        Random r = new Random(7);
        for (int e = 0; e < epochs; e++) {
            Collections.shuffle(order, r);
            net.train(true);
            for (int s = 0; s + batch <= order.size(); s += batch) {
                try (NativeScope scope = new NativeScope()) {
                    int[] idx = new int[batch];
                    for (int i = 0; i < batch; i++) idx[i] = order.get(s + i);
                    opt.zero_grad();
                    Tensor loss = Ops.crossEntropy(net.logits(input(train, idx, inputShape)), Ops.oneHot(labels(train, idx), 10,
                            new org.bytedeco.pytorch.Device("cpu"), org.bytedeco.pytorch.global.torch.ScalarType.Float));
                    loss.backward();
                    opt.step();
                    if (System.getenv("DEBUG_ENC") != null && s % 320 == 0) System.out.println("epoch " + e + " step " + s / batch + " loss " + loss.item_double());
                }
            }
        }
        return accuracy(net, test, inputShape);
    }

    static double accuracy(Classifier net, RealDigits.Set test, long[] inputShape) {
        net.eval();
        int correct = 0;
        try (NoGradGuard g = new NoGradGuard()) {
            for (int s = 0; s < test.y().length; s += 64) {
                try (NativeScope scope = new NativeScope()) {
                    int n = Math.min(64, test.y().length - s);
                    int[] idx = new int[n];
                    for (int i = 0; i < n; i++) idx[i] = s + i;
                    correct += Ops.correct(net.logits(input(test, idx, inputShape)), labels(test, idx));
                }
            }
        }
        return correct / (double) test.y().length;
    }

    /** A batch [n, shape...] of the given examples. */
    static Tensor input(RealDigits.Set set, int[] idx, long[] shape) {
        int size = set.x()[0].length;
        float[] flat = new float[idx.length * size];
        for (int i = 0; i < idx.length; i++) System.arraycopy(set.x()[idx[i]], 0, flat, i * size, size);
        long[] full = new long[shape.length + 1];
        full[0] = idx.length;
        System.arraycopy(shape, 0, full, 1, shape.length);
        return Tensors.floats(flat, full);
    }

    static int[] labels(RealDigits.Set set, int[] idx) {
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) y[i] = set.y()[idx[i]];
        return y;
    }
}
