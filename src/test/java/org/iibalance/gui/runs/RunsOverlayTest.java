package org.iibalance.gui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iibalance.run.MetricsTable;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** The runs overlay draws every logged step's loss on the epoch axis the accuracy chart uses. */
class RunsOverlayTest {

    private static MetricsTable table(int epochs, int stepsPerEpoch, int logEvery, boolean withEpochRows) {
        List<MetricsTable.Row> rows = new ArrayList<>();
        long g = 0;
        for (int e = 1; e <= epochs; e++) {
            for (int s = 1; s <= stepsPerEpoch; s++) {
                g++;
                if (g % logEvery == 0) rows.add(MetricsTable.Row.step(e, g, Double.NaN, Double.NaN, Double.NaN, 10.0 / g, Map.of(), 100, g, Map.of()));
            }
            if (withEpochRows) rows.add(MetricsTable.Row.epoch(e, g, Double.NaN, Double.NaN, Double.NaN, 1, Map.of(), 0.5, Map.of(), 100, g, Map.of()));
        }
        return new MetricsTable(List.of("audio", "visual"), List.of(), rows);
    }

    @Test
    void everyLoggedStepIsDrawnAtItsFractionOfTheEpochs() {
        // 3 epochs of 20 steps, logged every 5: 12 points, epoch e ends at x = e
        XYSeries s = RunsViewModel.lossCurve("run loss", table(3, 20, 5, true));
        assertEquals(12, s.getItemCount());
        assertEquals(0.25, s.getX(0).doubleValue(), 1e-12);
        assertEquals(1.0, s.getX(3).doubleValue(), 1e-12);
        assertEquals(3.0, s.getX(11).doubleValue(), 1e-12);
        assertEquals(10.0 / 60, s.getY(11).doubleValue(), 1e-12);
    }

    @Test
    void aRunStoppedBeforeItsFirstEpochRowStillGetsAnEpochAxis() {
        // stopped in epoch 2 (rows of epoch 1 and part of 2, no epoch rows): 20 steps per epoch from epoch 1's last logged step
        MetricsTable full = table(2, 20, 5, false);
        List<MetricsTable.Row> cut = full.rows().subList(0, 6);
        XYSeries s = RunsViewModel.lossCurve("run loss", new MetricsTable(full.modalities(), List.of(), cut));
        assertEquals(6, s.getItemCount());
        assertEquals(1.0, s.getX(3).doubleValue(), 1e-12);
        assertEquals(1.5, s.getX(5).doubleValue(), 1e-12);
    }
}
