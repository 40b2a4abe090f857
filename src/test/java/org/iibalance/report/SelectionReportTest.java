package org.iibalance.report;

import static org.iibalance.report.SelectionFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection report ({@code report --validation-only}) on fixture run folders: no test figure in
 * its files, one row per configuration with the differing keys, duplicate seeds counted once, a clear
 * winner marked and overlapping intervals called a tie, a selected epoch equal to the last one flagged.
 */
class SelectionReportTest {
    /** t(0.975, 1), from a table of Student's t distribution. */
    private static final double T_975_DF1 = 12.706204736174698;

    @TempDir
    Path tmp;

    private static final double[] RISING_3 = {0.50, 0.55, 0.60}; // best epoch 3 = last
    private static final double[] PEAK_4_OF_5 = {0.50, 0.60, 0.70, 0.80, 0.79}; // best epoch 4 of 5

    @Test
    void noTestFigureIsReadOrWritten() throws Exception {
        run(tmp, "m/joint-1", "synthetic-av", "joint", 1, PEAK_4_OF_5, List.of());
        run(tmp, "m/joint-2", "synthetic-av", "joint", 2, new double[] {0.5, 0.81, 0.7, 0.6, 0.6}, List.of());
        run(tmp, "m/iib-1", "synthetic-av", "iibalance", 1, RISING_3, List.of());

        // the positive control: the results report opens gating.csv (test clips) and warns that the fixture's is unreadable
        assertTrue(MatrixReport.read(List.of(tmp.resolve("m"))).warnings().stream().anyMatch(w -> w.contains("gating table unreadable")));

        SelectionReport s = SelectionReport.read(List.of(tmp.resolve("m")));
        assertEquals(3, s.runCount());
        // the selection report never opens it (the two methods differ in method.name and training.epochs: that warning only)
        assertEquals(0, s.warnings().stream().filter(w -> w.contains("gating")).count(), s.warnings().toString());
        Path out = tmp.resolve("sel");
        List<Path> files = s.write(out);
        assertEquals(List.of(out.resolve("selection.md"), out.resolve("selection.csv")), files);
        try (Stream<Path> written = Files.list(out)) {
            assertEquals(List.of("selection.csv", "selection.md"), written.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String md = Files.readString(out.resolve("selection.md")), csv = Files.readString(out.resolve("selection.csv"));
        assertTrue(md.contains("No test figure was read into this report"), md);
        for (String t : SelectionFixtures.TEST_TRACES) {
            assertFalse(md.contains(t), "selection.md shows the test figure " + t + ":\n" + md);
            assertFalse(csv.contains(t), "selection.csv shows the test figure " + t + ":\n" + csv);
        }
        for (String word : List.of("F1", "confusion", "test_", "Table I", "fig3", "fig4")) assertFalse(md.contains(word) || csv.contains(word), word);
        // the validation figures are there: joint's seeds selected 0.80 (epoch 4) and 0.81 (epoch 2)
        assertTrue(md.contains("80.50 \u00b1 0.71"), md);
        assertTrue(csv.contains(",0.805000,"), csv);
    }

    @Test
    void twoEpochSettingsAreTwoRowsAClearWinnerIsMarkedAndALastEpochIsFlagged() throws Exception {
        run(tmp, "g/e3-1", "synthetic-av", "joint", 1, RISING_3, List.of());
        run(tmp, "g/e3-2", "synthetic-av", "joint", 2, new double[] {0.50, 0.55, 0.61}, List.of());
        run(tmp, "g/e5-1", "synthetic-av", "joint", 1, PEAK_4_OF_5, List.of());
        run(tmp, "g/e5-2", "synthetic-av", "joint", 2, new double[] {0.50, 0.60, 0.70, 0.81, 0.79}, List.of());
        SelectionReport s = SelectionReport.read(List.of(tmp.resolve("g")));
        List<RunGroup> rows = s.rows("synthetic-av");
        assertEquals(2, rows.size());
        assertEquals(List.of("training.epochs"), s.differingKeys("synthetic-av"));
        RunGroup e3 = rows.stream().filter(g -> g.identity().keys().get("training.epochs").equals("3")).findFirst().orElseThrow();
        RunGroup e5 = rows.stream().filter(g -> g.identity().keys().get("training.epochs").equals("5")).findFirst().orElseThrow();
        // the mixed configurations are warned about as in the results report
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("2 different configurations, NOT pooled") && w.contains("training.epochs")), s.warnings().toString());

        // epochs 5: 0.80, 0.81; mean 0.805, sd 0.00707, half-width t(0.975, 1) 0.00707 / sqrt 2 = 0.0635 -> [0.7415, 0.8685]
        // epochs 3: 0.60, 0.61 -> [0.5415, 0.6685]: apart, so epochs 5 wins
        ReportStatistics.Best best = s.best("synthetic-av");
        assertEquals(e5, best.winner());
        double half = T_975_DF1 * Math.sqrt(0.00005) / Math.sqrt(2);
        assertEquals(0.805 - half, e5.stat(Metric.VAL_ACC_M).lower(), 1e-9);
        String md = s.markdown("synthetic-av");
        assertTrue(md.contains("Keys differing between the rows: `training.epochs`."), md);
        assertTrue(md.contains("| Joint training | `" + e5.hash() + "` | 5 | 2 | **80.50 \u00b1 0.71 [74.15, 86.85]** | s1: 4 of 5, s2: 4 of 5 | 0 of 2 |"), md);
        assertTrue(md.contains("| Joint training | `" + e3.hash() + "` | 3 | 2 | 60.50 \u00b1 0.71 [54.15, 66.85] | s1: 3 of 3 (last), s2: 3 of 3 (last) | 2 of 2 (s1, s2) |"), md);
        assertTrue(md.contains("| best | | | | **Joint training `" + e5.hash() + "`** |"), md);
        // validation Acc_a at the selected epoch 4: 0.40 + 0.20 + 0.01 seed = 0.61, 0.62 -> 61.50 +- 0.71 [55.15, 67.85]; Acc_v 0.31, 0.32
        assertTrue(md.contains("| 61.50 \u00b1 0.71 [55.15, 67.85] | 31.50 \u00b1 0.71 [25.15, 37.85] |"), md);
        // at epoch 3: 0.56, 0.57
        assertTrue(md.contains("| 56.50 \u00b1 0.71 [50.15, 62.85] |"), md);

        String csv = s.csv();
        assertTrue(csv.startsWith("dataset,method,config,sweep,differing_keys,n,seeds,val_accM_mean,val_accM_std,val_accM_ci95_low,val_accM_ci95_high,best,"
                + "selected_epochs,last_epochs,selected_is_last,val_acc_audio_mean,val_acc_audio_std,val_acc_visual_mean,val_acc_visual_std\n"), csv);
        assertTrue(csv.contains("synthetic-av,joint," + e5.hash() + ",false,training.epochs=5,2,1 2,0.805000,0.007071,"), csv);
        assertTrue(csv.contains(",best,4 4,5 5,false false,0.615000,"), csv);
        assertTrue(csv.contains("synthetic-av,joint," + e3.hash() + ",false,training.epochs=3,2,1 2,0.605000,"), csv);
        assertTrue(csv.contains(",,3 3,3 3,true true,0.565000,"), csv);
    }

    @Test
    void overlappingIntervalsAreATieListingTheRows() throws Exception {
        run(tmp, "t/lr1-1", "synthetic-av", "joint", 1, new double[] {0.70}, List.of("training.lr=0.001"));
        run(tmp, "t/lr1-2", "synthetic-av", "joint", 2, new double[] {0.80}, List.of("training.lr=0.001"));
        run(tmp, "t/lr2-1", "synthetic-av", "joint", 1, new double[] {0.72}, List.of("training.lr=0.01"));
        run(tmp, "t/lr2-2", "synthetic-av", "joint", 2, new double[] {0.78}, List.of("training.lr=0.01"));
        SelectionReport s = SelectionReport.read(List.of(tmp.resolve("t")));
        assertEquals(List.of("training.lr"), s.differingKeys("synthetic-av"));
        ReportStatistics.Best best = s.best("synthetic-av");
        assertNull(best.winner());
        assertEquals(2, best.top().size());
        String md = s.markdown("synthetic-av");
        List<RunGroup> rows = s.rows("synthetic-av");
        // both means 0.75: the tie lists both rows
        assertTrue(md.contains("| best | | | | tie: Joint training `" + rows.get(0).hash() + "`, Joint training `" + rows.get(1).hash() + "` (intervals overlap) |")
                || md.contains("| best | | | | tie: Joint training `" + rows.get(1).hash() + "`, Joint training `" + rows.get(0).hash() + "` (intervals overlap) |"), md);
        assertFalse(md.contains("**"), md);
        assertEquals(2, s.csv().lines().filter(l -> l.contains(",tie,")).count(), s.csv());
    }

    @Test
    void aDuplicateSeedIsWarnedAboutWithValidationFiguresAndCountedOnce() throws Exception {
        run(tmp, "d/joint-s1", "synthetic-av", "joint", 1, new double[] {0.70}, List.of());
        run(tmp, "d/joint-s1-again", "synthetic-av", "joint", 1, new double[] {0.90}, List.of("threads=1"));
        run(tmp, "d/joint-s2", "synthetic-av", "joint", 2, new double[] {0.80}, List.of());
        SelectionReport s = SelectionReport.read(List.of(tmp.resolve("d")));
        assertEquals(3, s.runCount());
        List<RunGroup> rows = s.rows("synthetic-av");
        assertEquals(1, rows.size());
        assertEquals(2, rows.get(0).n());
        assertEquals(0.75, rows.get(0).stat(Metric.VAL_ACC_M).mean(), 1e-12); // seed 1 from the first folder in path order (0.70), not 0.90
        assertEquals(1, s.warnings().size(), s.warnings().toString());
        String w = s.warnings().get(0);
        assertTrue(w.contains("seed 1 appears in 2 runs; counted once"), w);
        assertTrue(w.contains("their validation Acc_m differ: 0.7000 vs 0.9000"), w);
        assertFalse(w.contains("0.1235"), w); // the test Acc_m is the same in both: never compared here
        // one row only: no best, no tie
        assertTrue(s.markdown("synthetic-av").contains("- (one row only)"), s.markdown("synthetic-av"));
    }

    @Test
    void rowsComeInTheNumericOrderOfTheDifferingKey() throws Exception {
        // 8, 16, 32 epochs: as text "16" < "32" < "8"; as numbers 8 < 16 < 32, the order a reader scans a grid in
        run(tmp, "n/e16", "synthetic-av", "joint", 1, new double[16], List.of());
        run(tmp, "n/e32", "synthetic-av", "joint", 1, new double[32], List.of());
        run(tmp, "n/e8", "synthetic-av", "joint", 1, new double[8], List.of());
        SelectionReport s = SelectionReport.read(List.of(tmp.resolve("n")));
        assertEquals(List.of("8", "16", "32"), s.rows("synthetic-av").stream().map(g -> g.identity().keys().get("training.epochs")).toList());
        String md = s.markdown("synthetic-av");
        assertTrue(md.indexOf("| 8 | 1 |") < md.indexOf("| 16 | 1 |") && md.indexOf("| 16 | 1 |") < md.indexOf("| 32 | 1 |"), md);
        assertEquals(0, SelectionReport.compareValues("1e-3", "0.001"));
        assertTrue(SelectionReport.compareValues("adam", "sgd") < 0);
        assertTrue(SelectionReport.compareValues(null, "1") < 0);
    }

    @Test
    void aMatrixSweepsGridPointsAreSeparateRows() throws Exception {
        // a matrix sweep over method.tau names its runs <dataset>-sens; each grid point is a row of its own, beside the table row
        run(tmp, "x/synthetic-av/table/iib-1", "synthetic-av", "iibalance", 1, new double[] {0.70, 0.75}, List.of("method.tau=0.07"));
        run(tmp, "x/synthetic-av/sweep-iibalance-tau/tau0.02-1", "synthetic-av-sens", "iibalance", 1, new double[] {0.71, 0.74}, List.of("method.tau=0.02"));
        run(tmp, "x/synthetic-av/sweep-iibalance-tau/tau0.2-1", "synthetic-av-sens", "iibalance", 1, new double[] {0.60, 0.65}, List.of("method.tau=0.2"));
        SelectionReport s = SelectionReport.read(List.of(tmp.resolve("x")));
        List<RunGroup> rows = s.rows("synthetic-av");
        assertEquals(3, rows.size());
        assertEquals(List.of("method.tau"), s.differingKeys("synthetic-av"));
        String md = s.markdown("synthetic-av");
        // rows in the order of the swept value, the table row among the sweep's points
        assertEquals(List.of("0.02", "0.07", "0.2"), rows.stream().map(g -> g.identity().keys().get("method.tau")).toList());
        assertTrue(md.contains("| IIBalance | `" + rows.get(1).hash() + "` | 0.07 | 1 | 75.00 (n=1) | s1: 2 of 2 (last) | 1 of 1 (s1) |"), md);
        assertTrue(md.contains("| IIBalance (sweep) | `"), md);
        assertTrue(md.contains("| 0.02 | 1 | 74.00 (n=1) |"), md);
        assertTrue(md.contains("| 0.2 | 1 | 65.00 (n=1) |"), md);
        // n = 1 has no interval: a tie of all three, the reader's rule decides
        assertNotNull(s.best("synthetic-av").why());
        assertTrue(md.contains("(n=1 has no interval)"), md);
    }
}
