package org.iibalance.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.ModelConfig;
import org.iibalance.data.ModalitySpec;
import org.iibalance.nn.Engine;
import org.iibalance.nn.NativeScope;
import org.iibalance.nn.Tensors;
import org.junit.jupiter.api.Test;

/** Every encoder maps its modality's batch to [B, d], in training and in evaluation mode, and its gradient reaches the input layer. */
class EncoderShapesTest {
    private static final ModalitySpec SPECTROGRAM = new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, 16, 20});
    private static final ModalitySpec FRAMES = new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {2, 3, 32, 32});

    private static ModelConfig config(String audio, String visual, boolean bidirectional) {
        return new ModelConfig(24, 4, 8, 4, new ModelConfig.EncoderConfig(audio, 0.25, 0, 2, bidirectional), new ModelConfig.EncoderConfig(visual, 0.125, 0, 1, false));
    }

    private static void check(ModalitySpec spec, ModelConfig cfg, int batch) {
        Engine.seed(1);
        Encoder e = Encoders.create(spec, cfg);
        assertEquals(24, e.featureDim());
        try (NativeScope s = new NativeScope()) {
            long[] shape = new long[spec.shape().length + 1];
            shape[0] = batch;
            System.arraycopy(spec.shape(), 0, shape, 1, spec.shape().length);
            float[] x = new float[batch * spec.size()];
            java.util.Random r = new java.util.Random(2);
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
            e.train(true);
            Tensor z = e.forward(Tensors.floats(x, shape));
            assertEquals(2, z.dim());
            assertEquals(batch, z.size(0));
            assertEquals(24, z.size(1));
            z.sum().backward();
            Tensor firstGrad = e.trainable().get(0).grad();
            assertTrue(firstGrad.defined() && firstGrad.abs().sum().item_double() > 0, "the gradient reaches the first layer");
            e.eval();
            Tensor ze = e.forward(Tensors.floats(x, shape));
            assertEquals(24, ze.size(1));
            for (float v : Tensors.toFloats(ze)) assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void audioEncoders() {
        for (String a : ModelConfig.AUDIO_ENCODERS) check(SPECTROGRAM, config(a, "conv-small", false), 3);
        check(SPECTROGRAM, config("lstm", "conv-small", true), 3);
        check(SPECTROGRAM, config("gru", "conv-small", true), 3);
    }

    @Test
    void visualEncodersFoldFramesIntoTheBatch() {
        for (String v : ModelConfig.VISUAL_ENCODERS) check(FRAMES, config("conv-small", v, false), 2);
    }

    @Test
    void frameFeaturesAreTheMeanOverFramesOfThePerFrameFeatures() {
        Engine.seed(4);
        Encoder perFrame = new ResNet18(3, 0.125, 24);
        FrameEncoder enc = new FrameEncoder(perFrame);
        enc.eval();
        try (NativeScope s = new NativeScope()) {
            float[] x = new float[2 * 2 * 3 * 32 * 32];
            java.util.Random r = new java.util.Random(5);
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
            float[] z = Tensors.toFloats(enc.forward(Tensors.floats(x, 2, 2, 3, 32, 32)));
            float[] each = Tensors.toFloats(perFrame.forward(Tensors.floats(x, 4, 3, 32, 32))); // clip 0: frames 0, 1; clip 1: frames 2, 3
            for (int k = 0; k < 24; k++) {
                assertEquals((each[k] + each[24 + k]) / 2, z[k], 1e-5);
                assertEquals((each[48 + k] + each[72 + k]) / 2, z[24 + k], 1e-5);
            }
        }
    }

    @Test
    void backbonesHaveThePublishedSizesAtFullWidth() {
        // torchvision: resnet18 11,689,512 parameters with its 1000-class fc (512 x 1000 + 1000 = 513,000);
        // mobilenet_v2 3,504,872 with its fc (1280 x 1000 + 1000 = 1,281,000); BatchNorm's weight and bias count
        assertEquals(11_689_512 - 513_000, new ResNet18(3, 1.0, 512).parameterCount());
        assertEquals(3_504_872 - 1_281_000, new MobileNetV2(3, 1.0, 1280).parameterCount());
        assertEquals(512, new ResNet18(3, 1.0, 512).backboneDim());
        assertEquals(List.of(8L, 1280L), List.of(MobileNetV2.divisible(32 * 0.25), new MobileNetV2(3, 0.25, 1280).backboneDim()));
    }
}
