package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.iibalance.config.DatasetConfig;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dataset.avmnist.augment on the real data: training audio changes per epoch, validation and test never. */
@Tag("slow")
class AvMnistAugmentTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTrainingAudioHasVariantsAndEverythingAsBuiltIsUnchanged() throws Exception {
        Path data = AvMnistDatasetTest.sharedData();
        ExperimentConfig plainCfg = PcaCacheTest.withCache(AvMnistDatasetTest.config(data.toString(), 40, 20, 20, 3), tmp);
        // avmnist.yaml's augmentation, set by key (a new config key does not break this test)
        ExperimentConfig augCfg = org.iibalance.config.ConfigIO.withOverrides(plainCfg, List.of("dataset.avmnist.augment.freshNoise=true",
                "dataset.avmnist.augment.snrJitterDb=3", "dataset.avmnist.augment.maxShiftSeconds=0.2", "dataset.avmnist.augment.timeMasks=2",
                "dataset.avmnist.augment.timeMaskFrames=10", "dataset.avmnist.augment.freqMasks=2", "dataset.avmnist.augment.freqMaskBins=4"));
        MultimodalDataset plain = new AvMnistDataset().load(plainCfg, s -> {});
        MultimodalDataset aug = new AvMnistDataset().load(augCfg, s -> {});
        // every loop below checks clips: none may be empty (3 of each split at least)
        assertTrue(plain.train().size() >= 3 && plain.val().size() >= 3 && plain.test().size() >= 3,
                plain.train().size() + "/" + plain.val().size() + "/" + plain.test().size());
        assertEquals(plain.train().size(), aug.train().size());

        for (int i = 0; i < plain.val().size(); i++) {
            assertFalse(aug.val().get(i).inputs() instanceof AugmentedInputs, "validation clips have no variants");
            for (int m = 0; m < 2; m++) assertArrayEquals(plain.val().get(i).input(m), aug.val().get(i).input(m));
        }
        for (int i = 0; i < plain.test().size(); i++) {
            assertFalse(aug.test().get(i).inputs() instanceof AugmentedInputs, "test clips have no variants");
            for (int m = 0; m < 2; m++) assertArrayEquals(plain.test().get(i).input(m), aug.test().get(i).input(m));
        }
        int differ = 0;
        for (int i = 0; i < plain.train().size(); i++) {
            Clip c = aug.train().get(i);
            // stored inputs (and so the standardisation statistics) are those of the plain dataset
            for (int m = 0; m < 2; m++) assertArrayEquals(plain.train().get(i).input(m), c.input(m));
            AugmentedInputs a = assertInstanceOf(AugmentedInputs.class, c.inputs());
            assertTrue(a.augments(0) && !a.augments(1), "audio has variants, the image does not");
            float[] e1 = a.training(0, 1), e2 = a.training(0, 2);
            assertEquals(c.input(0).length, e1.length);
            assertArrayEquals(e1, a.training(0, 1), "repeatable");
            if (!Arrays.equals(e1, e2)) differ++;
            assertFalse(Arrays.equals(e1, c.input(0)), "a variant is not the clip as built");
            assertArrayEquals(c.input(1), a.training(1, 1), "the image is as built");
            // standardised like the stored clip: the same level up to the SNR jitter and masks
            assertEquals(mean(c.input(0)), mean(e1), 0.5, "variant mean of " + c.id());
        }
        assertEquals(plain.train().size(), differ, "every training clip sees other audio in epoch 2 than in epoch 1");
    }

    private static double mean(float[] x) {
        double s = 0;
        for (float v : x) s += v;
        return s / x.length;
    }

    @Test
    void theAugmentationIsOffUnlessAKeyChangesTheClips() {
        assertFalse(DatasetConfig.AvMnistAugmentConfig.defaults().active(), "off by default in code");
        assertTrue(new DatasetConfig.AvMnistAugmentConfig(true, 0, 0, 0, 0, 0, 0).active());
        assertFalse(new DatasetConfig.AvMnistAugmentConfig(false, 0, 0, 3, 0, 0, 0).active(), "masks of width 0 change nothing");
    }
}
