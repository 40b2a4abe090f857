package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.config.MethodConfig;
import org.junit.jupiter.api.Test;

/** The baselines' run-length settings: -1 scales the peers' setting to training.epochs, other values pass through. */
class RunLengthTest {
    static MethodConfig method(String... overrides) throws Exception {
        return ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of(overrides)).method();
    }

    @Test
    void defaultsScaleToTheRunLength() throws Exception {
        MethodConfig d = method();
        // OGM-GE modulates the first half (Peng et al.: 50 of 100 epochs)
        assertEquals(5, RunLength.modulationEnd(d, 10));
        assertEquals(3, RunLength.modulationEnd(d, 5));
        assertEquals(0, RunLength.modulationStart(d, 10));
        // G-Blending re-estimates every third of the run (BalanceBenchmark: 10 of 30), at least every epoch
        assertEquals(3, RunLength.superEpoch(d, 10));
        assertEquals(7, RunLength.superEpoch(d, 20));
        assertEquals(1, RunLength.superEpoch(d, 1));
        // PMR's early stage: 30% of the run, at least one epoch
        assertEquals(3, RunLength.pmrEntropyEpochs(d, 10));
        assertEquals(1, RunLength.pmrEntropyEpochs(d, 2));
        assertEquals(0.3, d.ogmAlpha());
    }

    @Test
    void explicitValuesAreUsedAsGiven() throws Exception {
        MethodConfig m = method("method.modulationStart=2", "method.modulationEnd=50", "method.superEpoch=2", "method.pmrEntropyEpochs=0");
        assertEquals(50, RunLength.modulationEnd(m, 10));
        assertEquals(2, RunLength.modulationStart(m, 10));
        assertEquals(2, RunLength.superEpoch(m, 10));
        assertEquals(0, RunLength.pmrEntropyEpochs(m, 10));
    }
}
