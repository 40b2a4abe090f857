package org.iibalance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

/** What makes two runs repeats of one experiment. */
class ConfigIdentityTest {
    private static ConfigIdentity of(String... set) throws Exception {
        return ConfigIdentity.of(ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of(set)));
    }

    @Test
    void seedNameDeviceThreadsAndPathsAreNotPartOfIt() throws Exception {
        ConfigIdentity a = of();
        assertEquals(a.hash(), of("seed=7", "name=other", "device=auto", "threads=1", "output.runsDir=x", "dataset.cacheDir=/tmp/c", "dataset.root=/d").hash());
        assertEquals(8, a.hash().length());
    }

    @Test
    void anyHyperParameterChangesItAndIsNamed() throws Exception {
        ConfigIdentity a = of(), b = of("training.lr=0.01"), c = of("dataset.synthetic.trainClips=100");
        assertNotEquals(a.hash(), b.hash());
        assertNotEquals(a.hash(), c.hash());
        assertEquals(List.of("training.lr"), a.differingKeys(b));
        assertEquals("training.lr (0.001 vs 0.01)", a.describeDifferences(b, 3));
        assertEquals(a.without("training.lr").hash(), b.without("training.lr").hash());
    }
}
