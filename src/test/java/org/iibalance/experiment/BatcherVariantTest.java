package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iibalance.data.AugmentedInputs;
import org.iibalance.data.Clip;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.method.BatchSource;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Tensors;
import org.junit.jupiter.api.Test;

/** Clips with a variant per training epoch (AV-MNIST's audio augmentation): only training passes see the variants. */
class BatcherVariantTest {
    /** 3 clips whose audio is {clip, 0} as built and {clip, 100 + epoch} in training epoch e. */
    private static MultimodalDataset data() {
        List<Clip> train = new ArrayList<>(), eval = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int clip = i;
            float[] audio = {clip, 0}, visual = {clip};
            AugmentedInputs in = new AugmentedInputs(List.of(audio, visual),
                    new AugmentedInputs.Variant[] {e -> new float[] {clip, 100 + e}, null});
            train.add(new Clip("c" + i, 0, in, Map.of()));
            eval.add(new Clip("c" + i, 0, in, Map.of())); // the same inputs: evaluation passes must not use the variant
        }
        List<ModalitySpec> mods = List.of(new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, 1, 2}),
                new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {1, 1, 1, 1}));
        return new MultimodalDataset("t", List.of("a"), mods, train, eval, eval, List.of());
    }

    private static List<float[]> audio(Batcher b, int epoch) throws Exception {
        List<float[]> out = new ArrayList<>();
        BatchSource.BatchConsumer keep = batch -> out.add(Tensors.toFloats(batch.inputs().get(0)));
        switch (epoch) {
            case -1 -> b.validation(keep);
            case -2 -> b.test(keep);
            case -3 -> b.trainInOrder(keep);
            default -> b.train(epoch, keep);
        }
        return out;
    }

    @Test
    void trainingEpochsSeeTheirVariantAndEvaluationTheClipAsBuilt() throws Exception {
        Batcher b = new Batcher(data(), Devices.of("cpu"), 3, 1, 0);
        for (int epoch : new int[] {0, 5}) {
            float[] x = audio(b, epoch).get(0);
            for (int c = 0; c < 3; c++) assertEquals(100 + epoch, x[2 * c + 1], 0f, "epoch " + epoch + " sees its variant");
        }
        for (int pass : new int[] {-1, -2, -3}) {
            float[] x = audio(b, pass).get(0);
            assertArrayEquals(new float[] {0, 0, 1, 0, 2, 0}, x, 0f, "pass " + pass + " sees the clips as built, in order");
        }
    }
}
