package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many libtorch threads a sweep or matrix trial gets (found by running a matrix with {@code set: [threads=1]}). */
class SweepThreadsTest {

    @Test
    void anExplicitLowerValueIsKept() {
        // a spec's threads=1 with --parallel 1 on 2 cores used to become 2 threads
        assertEquals(1, SweepRunner.trialThreads(1, 2));
    }

    @Test
    void neverMoreThanTheTrialsShareOfTheCores() {
        // quickstart.yaml's threads: 2 with two trials at once on 2 cores: one each
        assertEquals(1, SweepRunner.trialThreads(2, 1));
        assertEquals(3, SweepRunner.trialThreads(8, 3));
    }

    @Test
    void zeroMeansTheShare() {
        assertEquals(2, SweepRunner.trialThreads(0, 2));
    }
}
