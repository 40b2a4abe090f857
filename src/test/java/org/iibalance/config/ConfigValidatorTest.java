package org.iibalance.config;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator names the key that is wrong (issue 13: valClips=0 was reported as trainClips). */
class ConfigValidatorTest {
    static List<String> keys(String... set) throws ConfigException {
        return ConfigValidator.check(ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of(set))).stream().map(ConfigProblem::key).toList();
    }

    @Test
    void eachSplitSizeNamesItsOwnKey() throws ConfigException {
        assertEquals(List.of("dataset.synthetic.valClips"), keys("dataset.synthetic.valClips=0"));
        assertEquals(List.of("dataset.synthetic.testClips"), keys("dataset.synthetic.testClips=0"));
        assertEquals(List.of("dataset.synthetic.trainClips"), keys("dataset.synthetic.trainClips=7"));
        assertEquals(List.of("dataset.maxVal"), keys("dataset.maxVal=-1"));
        assertEquals(List.of("dataset.maxTest"), keys("dataset.maxTest=-1"));
    }

    @Test
    void theDivergenceFactorMustExceedOne() throws ConfigException {
        assertEquals(List.of("training.divergenceFactor"), keys("training.divergenceFactor=1"));
        assertEquals(List.of(), keys("training.divergenceFactor=1e300"), "a huge factor switches the explosion rule off");
    }

    @Test
    void eachAvMnistAugmentationKeyIsCheckedUnderItsOwnName() throws ConfigException {
        assertEquals(List.of("dataset.avmnist.augment.snrJitterDb"), keys("dataset.avmnist.augment.snrJitterDb=-1"));
        assertEquals(List.of("dataset.avmnist.augment.maxShiftSeconds"), keys("dataset.avmnist.augment.maxShiftSeconds=1.5"));
        assertEquals(List.of("dataset.avmnist.augment.timeMasks"), keys("dataset.avmnist.augment.timeMasks=-1"));
        assertEquals(List.of("dataset.avmnist.augment.timeMaskFrames"), keys("dataset.avmnist.augment.timeMaskFrames=-2"));
        assertEquals(List.of("dataset.avmnist.augment.freqMasks"), keys("dataset.avmnist.augment.freqMasks=-1"));
        assertEquals(List.of("dataset.avmnist.augment.freqMaskBins"), keys("dataset.avmnist.augment.freqMaskBins=-3"));
        assertEquals(List.of(), keys("dataset.avmnist.augment.freshNoise=true", "dataset.avmnist.augment.snrJitterDb=3",
                "dataset.avmnist.augment.maxShiftSeconds=0.2", "dataset.avmnist.augment.timeMasks=2", "dataset.avmnist.augment.timeMaskFrames=10"),
                "avmnist.yaml's values pass");
    }

    @Test
    void masksAreOnOnlyWithACountAndAWidth() throws ConfigException {
        DatasetConfig.AvMnistAugmentConfig off = ExperimentConfig.defaults().dataset().avmnist().augment();
        assertFalse(off.active(), "the defaults change nothing");
        DatasetConfig.AvMnistAugmentConfig countOnly = ConfigIO.withOverrides(ExperimentConfig.defaults(),
                List.of("dataset.avmnist.augment.timeMasks=2", "dataset.avmnist.augment.freqMaskBins=4")).dataset().avmnist().augment();
        assertFalse(countOnly.timeMasking() || countOnly.freqMasking() || countOnly.active(), "a count without a width (or a width without a count) masks nothing");
        DatasetConfig.AvMnistAugmentConfig both = ConfigIO.withOverrides(ExperimentConfig.defaults(),
                List.of("dataset.avmnist.augment.freqMasks=1", "dataset.avmnist.augment.freqMaskBins=4")).dataset().avmnist().augment();
        assertTrue(both.freqMasking() && both.active());
        assertFalse(both.timeMasking());
    }

    @Test
    void methodConfigBuilderNamesEachParameter() {
        MethodConfig m = MethodConfig.builder().name("joint").tau(0.2).greedyWindow(7).build();
        assertEquals("joint", m.name());
        assertEquals(0.2, m.tau());
        assertEquals(7, m.greedyWindow());
        assertEquals(MethodConfig.defaults().gamma(), m.gamma());
        assertEquals(m, m.toBuilder().build());
        assertEquals(0.5, m.toBuilder().tauP(0.5).build().tauP());
    }
}
