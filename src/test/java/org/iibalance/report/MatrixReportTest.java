package org.iibalance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.run.GatingTable;
import org.iibalance.run.Results;
import org.iibalance.run.RunFolder;
import org.iibalance.run.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on fixture run folders written here with the {@code run} package (no training): tables are
 * the inputs' means, stds and t-intervals; duplicate seeds count once; mixed configurations are not
 * pooled; ties are said; paired tests, macro-F1 and confusion matrices match hand-computed values.
 */
class MatrixReportTest {
    /** t(0.975, 2), from a table of Student's t distribution. */
    private static final double T_975_DF2 = 4.302652729749464;

    @TempDir
    Path tmp;

    /** A completed (or not) run folder; {@code set} adds configuration overrides; {@code gating} (label, prediction pairs) writes gating.csv. */
    private void run(String folder, String name, String method, long seed, double accM, double accA, double accV, double tau, double gamma, RunState state,
            List<String> set, int[][] gating) throws Exception {
        RunFolder d = RunFolder.createAt(tmp.resolve(folder));
        List<String> ov = new ArrayList<>(List.of("method.name=" + method, "method.tau=" + tau, "method.gamma=" + gamma, "seed=" + seed, "name=" + name));
        ov.addAll(set);
        ExperimentConfig cfg = ConfigIO.withOverrides(ExperimentConfig.defaults(), ov);
        d.writeConfig(cfg, "fixture");
        Results.Builder r = Results.builder().run(method, "synthetic-av", seed, name).accMultimodal(accM).accuracy("audio", accA).accuracy("visual", accV)
                .accAudioVisual(accA, accV).accAvg((accM + accA + accV) / 3).validation(accM, 1).trainSeconds(10.0);
        if (method.equals("iibalance")) {
            r.budget("audio", 0.1, 0.7).budget("visual", 0.05, 0.3).anchor("audio");
            for (String s : List.of("train", "val", "test")) r.weightMean(s, "audio", 0.65).weightMean(s, "visual", 0.35);
        }
        d.writeResults(r.build());
        if (gating != null) {
            List<GatingTable.Row> rows = new ArrayList<>();
            for (int i = 0; i < gating.length; i++) {
                int label = gating[i][0], pred = gating[i][1];
                // weights: audio 0.8 on class 0, 0.2 on every other class
                double wa = label == 0 ? 0.8 : 0.2;
                rows.add(new GatingTable.Row("clip" + i, label, pred, label == pred, Map.of("audio", wa, "visual", 1 - wa), Map.of(), Map.of()));
            }
            d.writeGating(new GatingTable(List.of("audio", "visual"), rows));
        }
        d.writeState(state, state == RunState.COMPLETED ? null : "stopped by the test", 3);
    }

    private void run(String folder, String method, long seed, double accM, List<String> set) throws Exception {
        run(folder, "synthetic-av", method, seed, accM, 0.4, 0.3, 0.07, 1.0, RunState.COMPLETED, set, null);
    }

    @Test
    void tablesAreMeansStdsAndIntervalsOfTheInputsAndFiguresAreWritten() throws Exception {
        int[][] g = {{0, 0}, {0, 1}, {1, 1}, {1, 1}, {2, 2}, {2, 0}};
        run("t/joint-1", "synthetic-av", "joint", 1, 0.50, 0.40, 0.20, 0.07, 1.0, RunState.COMPLETED, List.of(), g);
        run("t/joint-2", "synthetic-av", "joint", 2, 0.60, 0.44, 0.22, 0.07, 1.0, RunState.COMPLETED, List.of(), g);
        run("t/joint-3", "synthetic-av", "joint", 3, 0.70, 0.48, 0.24, 0.07, 1.0, RunState.COMPLETED, List.of(), g);
        run("t/joint-4", "synthetic-av", "joint", 4, 0.99, 0.99, 0.99, 0.07, 1.0, RunState.CANCELLED, List.of(), null); // skipped
        run("t/iib-1", "synthetic-av", "iibalance", 1, 0.80, 0.50, 0.40, 0.07, 1.0, RunState.COMPLETED, List.of(), g);
        run("t/iib-2", "synthetic-av", "iibalance", 2, 0.90, 0.52, 0.42, 0.07, 1.0, RunState.COMPLETED, List.of(), g);
        run("t/iib-3", "synthetic-av", "iibalance", 3, 0.85, 0.51, 0.41, 0.07, 1.0, RunState.COMPLETED, List.of(), g);
        run("t/abl-1", "synthetic-av", "iibalance-no-stage1", 1, 0.75, 0.5, 0.3, 0.07, 1.0, RunState.COMPLETED, List.of(), null);
        run("s/tau-1", "synthetic-av-sens", "iibalance", 1, 0.60, 0.5, 0.4, 0.5, 1.0, RunState.COMPLETED, List.of(), null); // Fig. 4 only
        run("s/gamma-1", "synthetic-av-sens", "iibalance", 1, 0.70, 0.5, 0.4, 0.07, 0.0, RunState.COMPLETED, List.of(), null);
        Files.createDirectories(tmp.resolve("t/joint-1/checkpoints/best")); // a checkpoint's own state.json is not a run
        Files.writeString(tmp.resolve("t/joint-1/checkpoints/best/state.json"), "{}");
        Files.createDirectories(tmp.resolve("t/broken"));
        Files.writeString(tmp.resolve("t/broken/results.json"), "{");

        MatrixReport r = MatrixReport.read(List.of(tmp.resolve("t"), tmp.resolve("s")));
        assertEquals(9, r.runs().size());
        assertEquals(2, r.skipped().size(), r.skipped().toString()); // the cancelled run and the folder without state.json
        assertTrue(r.skipped().keySet().stream().noneMatch(k -> k.contains("checkpoints")));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());

        Stat m = r.stat("synthetic-av", "joint", "accM");
        assertEquals(0.6, m.mean(), 1e-9); // (0.5 + 0.6 + 0.7) / 3
        assertEquals(0.1, m.std(), 1e-9); // sqrt(((-0.1)^2 + 0 + 0.1^2) / 2)
        assertEquals(3, m.n());
        assertEquals(T_975_DF2 * 0.1 / Math.sqrt(3), m.halfWidth(), 1e-9); // 0.24841
        assertEquals(0.44, r.stat("synthetic-av", "joint", "accA").mean(), 1e-9);
        assertEquals(0.04, r.stat("synthetic-av", "joint", "accA").std(), 1e-9);
        // the sweep runs stay out of Table I: IIBalance is the mean of the three table runs
        assertEquals(0.85, r.stat("synthetic-av", "iibalance", "accM").mean(), 1e-9);
        assertEquals(0.05, r.stat("synthetic-av", "iibalance", "accM").std(), 1e-9);
        assertEquals(List.of("joint", "iibalance"), r.tableOneMethods());
        assertEquals(List.of("iibalance", "iibalance-no-stage1"), r.tableTwoMethods());
        // macro-F1 of the fixture's six clips: F1 = 0.5, 0.8, 2/3 -> 0.65556 (every run the same)
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, r.stat("synthetic-av", "joint", "macroF1").mean(), 1e-9);

        String t1 = r.tableOneMarkdown();
        String hJoint = r.configurations("synthetic-av", "joint").get(0), hIib = r.configurations("synthetic-av", "iibalance").get(0);
        assertNotEquals(hJoint, hIib); // the method is part of the configuration
        // joint: 60.00 +- 10.00, interval 60 -+ 24.84; iibalance: 85.00 +- 5.00, interval 85 -+ 12.42: they overlap (72.58 < 84.84), so a tie
        assertTrue(t1.contains("| Joint training | `" + hJoint + "` | 3 | 60.00 \u00b1 10.00 [35.16, 84.84] |"), t1);
        assertTrue(t1.contains("85.00 \u00b1 5.00 [72.58, 97.42]"), t1);
        assertTrue(t1.contains("| best | | | tie: IIBalance, Joint training (intervals overlap) |"), t1);
        assertFalse(t1.contains("**85.00"), t1);
        assertTrue(r.tableOneCsv().contains("synthetic-av,joint," + hJoint + ",accM,0.600000,0.100000,3,0.351586,0.848414,tie"), r.tableOneCsv());
        // one run: no "+- 0.00" but n=1
        String t2 = r.tableTwoMarkdown();
        String hAbl = r.configurations("synthetic-av", "iibalance-no-stage1").get(0);
        assertTrue(t2.contains("| w/o Stage I (PRA) | `" + hAbl + "` | 1 | 75.00 (n=1) | - |"), t2); // no gating.csv: no macro-F1
        assertTrue(t2.contains("tie: IIBalance, w/o Stage I (PRA) (n=1 has no interval)"), t2);

        // paired over seeds 1-3: d = 0.30, 0.30, 0.15; mean 0.25, sd 0.0866, t = 5 with 2 df; p = 1 - 5 / sqrt(27) (t with 2 df in closed form)
        double[] p = r.paired("synthetic-av").get("joint [" + hJoint + "]");
        assertEquals(3, p[0]);
        assertEquals(0.25, p[1], 1e-9);
        assertEquals(0.25 - T_975_DF2 * 0.05, p[2], 1e-9);
        assertEquals(1 - 5 / Math.sqrt(27), p[4], 1e-9);

        // Fig. 4: tau points 0.07 (table runs, mean 0.85) and 0.5 (0.60); gamma points 0 (0.70) and 1 (0.85)
        List<double[]> tau = r.sensitivity("synthetic-av", "tau");
        assertEquals(2, tau.size());
        assertEquals(0.07, tau.get(0)[0], 1e-12);
        assertEquals(0.85, tau.get(0)[1], 1e-9);
        assertEquals(0.60, tau.get(1)[1], 1e-9);
        assertEquals(0.70, r.sensitivity("synthetic-av", "gamma").get(0)[1], 1e-9);

        BudgetFigure f = r.budgetFigure("synthetic-av");
        assertEquals(0.7, f.prior()[0], 1e-9);
        assertEquals(0.35, f.weights().get("test")[1], 1e-9);

        Path out = tmp.resolve("report");
        r.write(out);
        String jointBase = "synthetic-av-joint-" + hJoint, iibBase = "synthetic-av-iibalance-" + hIib;
        for (String name : List.of("report.md", "table1.md", "table1.csv", "table2.md", "table2.csv", "paired.csv", "numbers.csv", "fig3-synthetic-av.png",
                "fig3-synthetic-av.svg", "fig4-tau-synthetic-av.png", "fig4-tau-synthetic-av.svg", "fig4-gamma-synthetic-av.png", "fig4-gamma-synthetic-av.svg",
                "confusion-" + jointBase + ".csv", "confusion-" + jointBase + ".png", "classes-" + iibBase + ".csv", "weights-per-class-" + iibBase + ".png")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        assertEquals(10, Files.readAllLines(out.resolve("numbers.csv")).size()); // header + 9 runs
        // confusion matrix summed over the three joint runs: true 0 -> (3, 3, 0), true 1 -> (0, 6, 0), true 2 -> (3, 0, 3)
        assertEquals(List.of("true\\predicted,0,1,2", "0,3,3,0", "1,0,6,0", "2,3,0,3"), Files.readAllLines(out.resolve("confusion-" + jointBase + ".csv")));
        // per class: Acc_m 0.5, 1, 0.5; the gate's audio weight 0.8 on class 0, 0.2 elsewhere
        List<String> classes = Files.readAllLines(out.resolve("classes-" + iibBase + ".csv"));
        assertEquals("class,clips,accM,predicted,f1,weight_audio,weight_visual", classes.get(0));
        assertEquals("0,6,0.500000,6,0.500000,0.800000,0.200000", classes.get(1));
        assertEquals("1,6,1.000000,9,0.800000,0.200000,0.800000", classes.get(2));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("stopped by the test"));
        assertTrue(md.contains("## Paired tests"), md);
    }

    @Test
    void twoRunsOfTheSameSeedAreWarnedAboutAndCountedOnce() throws Exception {
        run("a/joint-s1", "joint", 1, 0.50, List.of());
        run("a/joint-s1-again", "joint", 1, 0.70, List.of("device=auto", "threads=1", "output.runsDir=elsewhere")); // same experiment, ran elsewhere
        run("a/joint-s2", "joint", 2, 0.60, List.of());
        MatrixReport r = MatrixReport.read(List.of(tmp.resolve("a")));
        assertEquals(1, r.configurations("synthetic-av", "joint").size()); // device, threads and paths are not part of the configuration
        Stat s = r.stat("synthetic-av", "joint", "accM");
        assertEquals(2, s.n());
        assertEquals(0.55, s.mean(), 1e-9); // seed 1 counted once, from the first folder in path order (0.50), not 0.70
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.contains("seed 1 appears in 2 runs; counted once"), w);
        assertTrue(w.contains("joint-s1-again"), w);
        assertTrue(w.contains("their Acc_m differ: 0.5000 vs 0.7000"), w);
        assertTrue(r.tableOneMarkdown().contains("` | 2 | 55.00"), r.tableOneMarkdown());
    }

    @Test
    void mixedConfigurationsAreWarnedAboutAndNotPooled() throws Exception {
        // a CLI sweep over training.lr: two grid points, two seeds each, must not become one row of n = 4
        run("b/lr-small-1", "joint", 1, 0.50, List.of("training.lr=0.001"));
        run("b/lr-small-2", "joint", 2, 0.52, List.of("training.lr=0.001"));
        run("b/lr-big-1", "joint", 1, 0.80, List.of("training.lr=0.01"));
        run("b/lr-big-2", "joint", 2, 0.84, List.of("training.lr=0.01"));
        MatrixReport r = MatrixReport.read(List.of(tmp.resolve("b")));
        List<String> hashes = r.configurations("synthetic-av", "joint");
        assertEquals(2, hashes.size());
        for (String h : hashes) assertEquals(2, r.n("synthetic-av", "joint", h));
        double a = r.stat("synthetic-av", "joint", hashes.get(0), "accM").mean(), b = r.stat("synthetic-av", "joint", hashes.get(1), "accM").mean();
        assertEquals(List.of(0.51, 0.82), List.of(Math.min(a, b), Math.max(a, b)).stream().map(x -> Math.round(x * 100) / 100.0).toList());
        assertThrows(IllegalStateException.class, () -> r.stat("synthetic-av", "joint", "accM"));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("2 different configurations, NOT pooled"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains("training.lr (0.001 vs 0.01)") || r.warnings().get(0).contains("training.lr (0.01 vs 0.001)"), r.warnings().get(0));
        String t1 = r.tableOneMarkdown();
        for (String h : hashes) assertTrue(t1.contains("| Joint training | `" + h + "` | 2 |"), t1);
        // 51.00 +- 1.41 [38.29, 63.71] and 82.00 +- 2.83 [56.59, 107.41] overlap: a tie, naming each row by its hash
        assertTrue(t1.contains("tie: Joint training `"), t1);
    }

    @Test
    void aBestWhoseIntervalClearsEveryOtherRowIsMarked() throws Exception {
        run("c/joint-1", "joint", 1, 0.50, List.of());
        run("c/joint-2", "joint", 2, 0.51, List.of());
        run("c/joint-3", "joint", 3, 0.52, List.of());
        run("c/iib-1", "iibalance", 1, 0.80, List.of());
        run("c/iib-2", "iibalance", 2, 0.81, List.of());
        run("c/iib-3", "iibalance", 3, 0.82, List.of());
        MatrixReport r = MatrixReport.read(List.of(tmp.resolve("c")));
        String t1 = r.tableOneMarkdown();
        // [77.52, 83.48] lies above [48.52, 53.48]
        assertTrue(t1.contains("**81.00 \u00b1 1.00 [78.52, 83.48]**"), t1);
        assertTrue(t1.contains("| best | | | **IIBalance** |"), t1);
    }

    private void runAt(String folder, String method, long seed, String commit) throws Exception {
        RunFolder d = RunFolder.createAt(tmp.resolve(folder));
        d.writeConfig(ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of("method.name=" + method, "seed=" + seed)), "fixture");
        org.iibalance.run.Provenance p = commit == null ? null
                : new org.iibalance.run.Provenance("1.0", commit, "17", "2.10.0", "1.5.13", "Linux", "cpu", "host", "iibalance train", "2026-01-01T00:00:00Z",
                        "2026-01-01T00:01:00Z", false, "sha256:00", "src");
        d.writeResults(Results.builder().run(method, "synthetic-av", seed, "synthetic-av").accMultimodal(0.5).validation(0.5, 1).provenance(p).build());
        d.writeState(RunState.COMPLETED, null, 1);
    }

    @Test
    void theReportShowsTheCommitOfEachGroupOfRuns() throws Exception {
        String a = "a".repeat(40), b = "b".repeat(40);
        runAt("c/joint-1", "joint", 1, a);
        runAt("c/joint-2", "joint", 2, a);
        runAt("c/iib-1", "iibalance", 1, a);
        runAt("c/iib-2", "iibalance", 2, b + "-dirty");
        runAt("c/pmr-1", "pmr", 1, null);
        MatrixReport r = MatrixReport.read(List.of(tmp.resolve("c")));
        assertEquals(java.util.Set.of(a), r.commits().get("synthetic-av / joint"));
        assertEquals(java.util.Set.of(a, b + "-dirty"), r.commits().get("synthetic-av / iibalance"));
        assertEquals(java.util.Set.of("not recorded"), r.commits().get("synthetic-av / pmr"));
        r.write(tmp.resolve("out"));
        String md = Files.readString(tmp.resolve("out/report.md"));
        assertTrue(md.contains("| synthetic-av / joint | " + a + " |"), md);
        assertTrue(md.contains("| synthetic-av / iibalance | " + a + ", " + b + "-dirty (mixed) |"), md);
    }
}
