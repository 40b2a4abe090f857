package org.iibalance.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iibalance.gui.training.RunStatus;
import org.junit.jupiter.api.Test;

/** The status bar's run line shows the fields that have a value, never an empty "| |". */
class StatusLineTest {
    @Test
    void idleShowsTheStateAndTheDeviceOnly() {
        assertEquals("idle | device cpu", WorkbenchView.statusLine(RunStatus.IDLE, "cpu", "", Double.NaN, 0, Double.NaN));
    }

    @Test
    void aRunBeforeItsFirstStepHasNoEmptyFields() {
        assertEquals("running | device cpu | ETA -", WorkbenchView.statusLine(RunStatus.RUNNING, "cpu", "", Double.NaN, 0, Double.NaN));
    }

    @Test
    void aRunningStepShowsPositionThroughputElapsedAndEta() {
        assertEquals("running | device cuda:0 | train epoch 2/8 batch 3/20 | 512 clips/s | elapsed 1:05 | ETA 0:40",
                WorkbenchView.statusLine(RunStatus.RUNNING, "cuda:0", "train epoch 2/8 batch 3/20", 511.6, 65, 40));
    }

    @Test
    void anEndedRunKeepsItsLastFiguresButNoEta() {
        assertEquals("completed | device cpu | train epoch 8/8 batch 20/20 | 700 clips/s | elapsed 1:02:03",
                WorkbenchView.statusLine(RunStatus.COMPLETED, "cpu", "train epoch 8/8 batch 20/20", 700, 3723, 0));
    }
}
