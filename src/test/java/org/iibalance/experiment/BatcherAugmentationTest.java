package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.iibalance.config.DatasetConfig;
import org.iibalance.data.Clip;
import org.iibalance.data.FrameAugmentation;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.method.BatchSource;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Tensors;
import org.junit.jupiter.api.Test;

/** dataset.visual.augment in the batches: training batches cropped and flipped (seeded), evaluation untouched, audio untouched. */
class BatcherAugmentationTest {
    private static final DatasetConfig.AugmentConfig ON = new DatasetConfig.AugmentConfig(0.75, true);

    /** 4 clips of audio [1, 2, 2] and 2 frames of [1, 4, 4] holding distinct values. */
    private static MultimodalDataset data() {
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float[] frames = new float[32], audio = new float[4];
            for (int v = 0; v < 32; v++) frames[v] = 100 * i + v;
            for (int v = 0; v < 4; v++) audio[v] = -i - v;
            clips.add(new Clip("c" + i, i % 2, List.of(audio, frames), Map.of()));
        }
        List<ModalitySpec> mods = List.of(new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, 2, 2}),
                new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {2, 1, 4, 4}));
        return new MultimodalDataset("t", List.of("a", "b"), mods, clips, clips, clips, List.of());
    }

    private static List<List<float[]>> batches(Batcher b, int epoch) throws Exception {
        List<List<float[]>> out = new ArrayList<>();
        BatchSource.BatchConsumer keep = batch -> out.add(List.of(Tensors.toFloats(batch.inputs().get(0)), Tensors.toFloats(batch.inputs().get(1))));
        if (epoch < 0) b.validation(keep);
        else b.train(epoch, keep);
        return out;
    }

    private static boolean same(List<List<float[]>> a, List<List<float[]>> b, int modality) {
        for (int i = 0; i < a.size(); i++) if (!Arrays.equals(a.get(i).get(modality), b.get(i).get(modality))) return false;
        return true;
    }

    @Test
    void trainingFramesAreAugmentedAsFrameAugmentationSaysAndRepeatably() throws Exception {
        MultimodalDataset d = data();
        Batcher plain = new Batcher(d, Devices.of("cpu"), 4, 7, 0), augmented = new Batcher(d, Devices.of("cpu"), 4, 7, 0, ON);
        List<List<float[]>> p = batches(plain, 2), a = batches(augmented, 2), again = batches(augmented, 2);
        assertTrue(same(a, again, 1) && same(a, again, 0), "the same seed and epoch give the same batches");
        assertTrue(same(p, a, 0), "audio is never augmented");
        assertFalse(same(p, a, 1), "training frames are changed");
        // each clip's frames are exactly FrameAugmentation's result for (seed 7, epoch 2, clip id)
        FrameAugmentation f = new FrameAugmentation(0.75, true, 1, 4, 4);
        float[] plainFrames = p.get(0).get(1), augFrames = a.get(0).get(1);
        for (int c = 0; c < 4; c++) {
            float[] original = Arrays.copyOfRange(plainFrames, 32 * c, 32 * (c + 1));
            String id = "c" + (int) (original[0] / 100);
            assertArrayEquals(f.apply(original, 7, 2, id), Arrays.copyOfRange(augFrames, 32 * c, 32 * (c + 1)), 0f, id);
        }
        boolean epochsDiffer = false;
        for (int e = 3; e < 8 && !epochsDiffer; e++) epochsDiffer = !same(a, batches(augmented, e), 1);
        assertTrue(epochsDiffer, "other epochs draw other crops and flips");
    }

    @Test
    void evaluationAndInOrderPassesSeeTheFramesAsDecoded() throws Exception {
        MultimodalDataset d = data();
        Batcher plain = new Batcher(d, Devices.of("cpu"), 4, 7, 0), augmented = new Batcher(d, Devices.of("cpu"), 4, 7, 0, ON);
        assertTrue(same(batches(plain, -1), batches(augmented, -1), 1), "validation untouched");
        List<float[]> inOrderPlain = new ArrayList<>(), inOrderAug = new ArrayList<>();
        plain.trainInOrder(b -> inOrderPlain.add(Tensors.toFloats(b.inputs().get(1))));
        augmented.trainInOrder(b -> inOrderAug.add(Tensors.toFloats(b.inputs().get(1))));
        assertArrayEquals(inOrderPlain.get(0), inOrderAug.get(0), 0f, "estimates over the training clips untouched");
        List<float[]> testPlain = new ArrayList<>(), testAug = new ArrayList<>();
        plain.test(b -> testPlain.add(Tensors.toFloats(b.inputs().get(1))));
        augmented.test(b -> testAug.add(Tensors.toFloats(b.inputs().get(1))));
        assertArrayEquals(testPlain.get(0), testAug.get(0), 0f, "test untouched");
        assertEquals(4 * 32, testAug.get(0).length);
    }
}
