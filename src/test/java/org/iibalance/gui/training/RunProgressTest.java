package org.iibalance.gui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iibalance.run.TrainingPhase;
import org.junit.jupiter.api.Test;

/** The whole run's progress: budget models and epochs as one amount of work, hand-computed. */
class RunProgressTest {

    @Test
    void budgetStepsCountHalfAMultimodalStepAndTheWholeRunAddsUp() {
        RunProgress p = new RunProgress();
        // 2 modalities x 4 budget epochs x 10 steps x 0.5 = 40 units; 6 epochs x 10 steps = 60 units; 100 in all
        p.plan(2, 4, 6, 10);
        p.step(TrainingPhase.budget("audio"), 1, 5, 10, 1.0);
        assertEquals(2.5 / 100, p.fraction(), 1e-12);
        p.step(TrainingPhase.budget("audio"), 2, 10, 10, 3.0); // 20 steps: 10 units
        assertEquals(10.0 / 100, p.fraction(), 1e-12);
        // 7.5 units in 2 s: 3.75 units/s, 90 units left
        assertEquals(90 / 3.75, p.eta(), 1e-9);
        // the audio model stops early after 2 of 4 epochs: the visual one starts at 20 units
        p.step(TrainingPhase.budget("visual"), 1, 10, 10, 4.0);
        assertEquals(25.0 / 100, p.fraction(), 1e-12);
        p.budgetFinished();
        assertEquals(40.0 / 100, p.fraction(), 1e-12);
        p.step(TrainingPhase.TRAIN, 3, 10, 10, 10.0); // 30 of 60 training units
        assertEquals(70.0 / 100, p.fraction(), 1e-12);
        p.step(TrainingPhase.TRAIN, 6, 10, 10, 20.0);
        assertEquals(1.0, p.fraction(), 1e-12);
        assertEquals(0.0, p.eta(), 1e-12);
    }

    @Test
    void withoutABudgetPhaseTheEpochsAreTheWholeRunAndEtaNeedsTwoSteps() {
        RunProgress p = new RunProgress();
        assertEquals(0, p.fraction());
        p.plan(2, 0, 4, 5);
        p.step(TrainingPhase.TRAIN, 1, 1, 5, 2.0);
        assertEquals(1.0 / 20, p.fraction(), 1e-12);
        assertTrue(Double.isNaN(p.eta()), "one step gives no rate");
        p.step(TrainingPhase.TRAIN, 1, 3, 5, 3.0);
        assertEquals(17 / 2.0, p.eta(), 1e-9);
    }
}
