package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unimodal models' stopping rule (validation loss, patience, min and max epochs), by hand. */
class StoppingRuleTest {

    /** Feeds losses until the rule stops; returns how many epochs ran. */
    private static int run(StoppingRule r, double... losses) {
        int i = 0;
        while (!r.stop()) r.record(losses[i++]);
        return i;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutALowerLossAndKeepsTheLowest() {
        StoppingRule r = new StoppingRule(1, 40, 3);
        // 2.0 1.5 1.2 (best, epoch 3) 1.3 1.25 1.2 (equal is not lower) -> 3 stale epochs: stop after 6
        assertEquals(6, run(r, 2.0, 1.5, 1.2, 1.3, 1.25, 1.2, 0.1, 0.1));
        assertEquals(3, r.bestEpoch());
        assertEquals(1.2, r.bestLoss());
        assertTrue(r.converged());
    }

    @Test
    void aLowerLossResetsThePatience() {
        StoppingRule r = new StoppingRule(1, 40, 2);
        // best at 1 (1.0), stale 1, new best at 3 (0.9), stale 2 -> stop after 5
        assertEquals(5, run(r, 1.0, 1.1, 0.9, 0.95, 0.91, 0.5));
        assertEquals(3, r.bestEpoch());
    }

    @Test
    void neverStopsBeforeMinEpochsAndTheCapEndsAnUnconvergedModel() {
        StoppingRule early = new StoppingRule(5, 40, 1);
        // stale from epoch 2 on, but the minimum is 5 epochs
        assertEquals(5, run(early, 1.0, 2.0, 2.0, 2.0, 2.0, 2.0));
        assertEquals(1, early.bestEpoch());
        StoppingRule capped = new StoppingRule(1, 4, 3);
        // still improving when the cap hits: not converged
        assertEquals(4, run(capped, 4.0, 3.0, 2.0, 1.0, 0.5));
        assertFalse(capped.converged());
        assertEquals(4, capped.bestEpoch());
    }

    @Test
    void aNonFiniteLossStopsAtOnceAndKeepsTheBestEpoch() {
        StoppingRule r = new StoppingRule(4, 40, 3);
        assertEquals(3, run(r, 2.0, 1.0, Double.NaN, 0.5));
        assertTrue(r.diverged());
        assertFalse(r.converged());
        assertEquals(2, r.bestEpoch());
    }

    @Test
    void controlSignalsAreEpochMeansAndStartOverAfterADrain() {
        ControlSignals c = new ControlSignals();
        c.add("k", List.of("audio", "visual"), new double[] {0.2, 1.0});
        c.add("k", List.of("audio", "visual"), new double[] {0.4, 1.0});
        c.add("ctrl_imbalance", 0.3);
        Map<String, Double> e = c.drain();
        assertEquals(0.3, e.get("ctrl_k_audio"), 1e-12);
        assertEquals(1.0, e.get("ctrl_k_visual"), 1e-12);
        assertEquals(0.3, e.get("ctrl_imbalance"), 1e-12);
        assertTrue(c.drain().isEmpty());
        assertEquals(List.of("ctrl_rate_audio", "ctrl_rate_visual"), ControlSignals.perModality("rate", List.of("audio", "visual")));
    }
}
