package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the exact AV-MNIST inputs of a small seeded load (SHA-256 over every float's bits), as built and
 * as augmented training epochs see them, so that refactoring the noise and the standardisation cannot
 * change a single bit of what the README's AV-MNIST figures were measured on. The hashes were taken
 * from the code before the noise and standardisation were shared (AvMnistDataset.noisy /
 * AvMnistAudioAugmentation, Standardizer / AugmentedInputs had their own copies then).
 */
@Tag("slow")
class AvMnistPinnedOutputTest {
    @TempDir
    Path cache;

    private ExperimentConfig config(String... extra) throws Exception {
        List<String> o = new ArrayList<>(List.of("dataset.kind=avmnist", "dataset.root=" + AvMnistDatasetTest.sharedData(), "dataset.maxTrain=24",
                "dataset.maxVal=8", "dataset.maxTest=8", "seed=7", "dataset.cacheDir=" + cache));
        o.addAll(List.of(extra));
        return ConfigIO.load(null, o);
    }

    /** SHA-256 of the stored inputs of every clip (train, val, test; audio then visual) and, for augmented training clips, epochs 1 and 2. */
    private static String hash(MultimodalDataset d) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (List<Clip> split : List.of(d.train(), d.val(), d.test())) {
            for (Clip c : split) {
                for (int m = 0; m < c.inputs().size(); m++) update(md, c.input(m));
                if (c.inputs() instanceof AugmentedInputs a) {
                    for (int e = 1; e <= 2; e++) for (int m = 0; m < a.size(); m++) update(md, a.training(m, e));
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, float[] x) {
        byte[] b = new byte[4 * x.length];
        for (int i = 0; i < x.length; i++) {
            int v = Float.floatToRawIntBits(x[i]);
            b[4 * i] = (byte) (v >>> 24);
            b[4 * i + 1] = (byte) (v >>> 16);
            b[4 * i + 2] = (byte) (v >>> 8);
            b[4 * i + 3] = (byte) v;
        }
        md.update(b);
    }

    @Test
    void inputsAsBuiltAndAugmentedAreBitIdenticalToThePinnedOnes() throws Exception {
        MultimodalDataset plain = new AvMnistDataset().load(config(), s -> {});
        MultimodalDataset fresh = new AvMnistDataset().load(config("dataset.avmnist.augment.freshNoise=true", "dataset.avmnist.augment.snrJitterDb=3",
                "dataset.avmnist.augment.maxShiftSeconds=0.2", "dataset.avmnist.augment.timeMasks=2", "dataset.avmnist.augment.timeMaskFrames=10",
                "dataset.avmnist.augment.freqMasks=2", "dataset.avmnist.augment.freqMaskBins=4"), s -> {});
        // the clip's own fixed noise draw under a gain jitter: the augmentation's other noise path
        MultimodalDataset fixed = new AvMnistDataset().load(config("dataset.avmnist.augment.snrJitterDb=3"), s -> {});
        assertInstanceOf(AugmentedInputs.class, fresh.train().get(0).inputs());
        assertInstanceOf(AugmentedInputs.class, fixed.train().get(0).inputs());
        assertFalse(plain.train().get(0).inputs() instanceof AugmentedInputs);
        assertEquals("a957dd1ce9f6490d853cac318e99ce41df263d8c8130c0022e8b1e9299f10606", hash(plain), "clips as built (fixed noise, standardised)");
        assertEquals("d120a37c6c01518abeaa0fcc884eaf5a638ca273fe9e2761200b631762ea993a", hash(fresh), "fresh noise, jitter, shift, masks");
        assertEquals("7d9cec47265fafd7cc90c3bf1fc7a9b24a1ec22b19c8e2dd893410d7f10cb7fb", hash(fixed), "the clip's own noise under a gain jitter");
    }
}
