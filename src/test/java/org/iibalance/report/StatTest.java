package org.iibalance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iibalance.run.GatingTable;
import org.junit.jupiter.api.Test;

/** The statistics against hand-computed values. */
class StatTest {
    @Test
    void tIntervalMatchesTheTableValues() {
        // 2, 4, 6, 8: mean 5, s^2 = (9 + 1 + 1 + 9) / 3, t(0.975, 3) = 3.182446305284263 (t table)
        Stat s = Stat.of(List.of(2.0, 4.0, 6.0, 8.0, Double.NaN));
        assertEquals(4, s.n());
        assertEquals(5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(20.0 / 3), s.std(), 1e-12);
        assertEquals(3.182446305284263 * Math.sqrt(20.0 / 3) / 2, s.halfWidth(), 1e-9);
        assertEquals(5 - 3.182446305284263 * Math.sqrt(20.0 / 3) / 2, s.lower(), 1e-9);
        // two values: t(0.975, 1) = 12.706204736174707
        assertEquals(12.706204736174707 * Math.sqrt(0.5) / Math.sqrt(2), Stat.of(List.of(1.0, 2.0)).halfWidth(), 1e-9);
    }

    @Test
    void oneValueHasNoSpreadAndNoInterval() {
        Stat s = Stat.of(List.of(0.7));
        assertEquals(1, s.n());
        assertFalse(s.hasInterval());
        assertTrue(Double.isNaN(s.std()));
        assertTrue(Double.isNaN(s.halfWidth()));
        assertEquals("70.00 (n=1)", ReportTables.cell(s, 1));
    }

    @Test
    void macroF1MatchesAHandComputation() {
        // true 0 0 1 1 2 2, predicted 0 1 1 1 2 0: F1 class 0 = 2/(2+1+1) = 0.5, class 1 = 4/(4+1+0) = 0.8, class 2 = 2/(2+0+1) = 2/3
        ClassFigures f = ClassFigures.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0});
        assertEquals(0.5, f.f1(0), 1e-12);
        assertEquals(0.8, f.f1(1), 1e-12);
        assertEquals(2.0 / 3, f.f1(2), 1e-12);
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, f.macroF1(), 1e-12);
        assertEquals(4.0 / 6, f.accuracy(), 1e-12);
        assertEquals(0.5, f.classAccuracy(2), 1e-12);
    }

    @Test
    void aClassNeverPredictedRightCountsAsZeroAndAnAbsentClassIsLeftOut() {
        // true 0 0 2, predicted 0 0 0: class 0 F1 = 4/(4+1) = 0.8, class 2 = 0 (never predicted), class 1 absent from both: not counted
        ClassFigures f = ClassFigures.of(new int[] {0, 0, 2}, new int[] {0, 0, 0});
        assertTrue(Double.isNaN(f.f1(1)));
        assertEquals((0.8 + 0) / 2, f.macroF1(), 1e-12);
    }

    @Test
    void weightsPerClassAreMeansOverTheClipsOfTheClass() {
        GatingTable g = new GatingTable(List.of("audio", "visual"), List.of(
                new GatingTable.Row("a", 0, 0, true, java.util.Map.of("audio", 0.9, "visual", 0.1), java.util.Map.of(), java.util.Map.of()),
                new GatingTable.Row("b", 0, 1, false, java.util.Map.of("audio", 0.7, "visual", 0.3), java.util.Map.of(), java.util.Map.of()),
                new GatingTable.Row("c", 1, 1, true, java.util.Map.of("audio", 0.2, "visual", 0.8), java.util.Map.of(), java.util.Map.of())));
        ClassFigures f = ClassFigures.of(g);
        assertEquals(0.8, f.meanWeight(0, "audio"), 1e-12);
        assertEquals(0.8, f.meanWeight(1, "visual"), 1e-12);
        ClassFigures twice = f.plus(f);
        assertEquals(4, twice.support(0));
        assertEquals(0.8, twice.meanWeight(0, "audio"), 1e-12);
    }
}
