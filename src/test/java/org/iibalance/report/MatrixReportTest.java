package org.iibalance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.run.Results;
import org.iibalance.run.RunFolder;
import org.iibalance.run.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report on fixture run folders written here: tables equal the inputs' means and stds, figures are written. */
class MatrixReportTest {
    @TempDir
    Path tmp;

    private void run(String folder, String name, String method, long seed, double accM, double accA, double accV, double tau, double gamma,
            RunState state) throws Exception {
        RunFolder d = RunFolder.createAt(tmp.resolve(folder));
        ExperimentConfig cfg = ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of("method.name=" + method, "method.tau=" + tau,
                "method.gamma=" + gamma, "seed=" + seed, "name=" + name));
        d.writeConfig(cfg, "fixture");
        Results.Builder r = Results.builder().run(method, "synthetic-av", seed, name).accMultimodal(accM).accuracy("audio", accA).accuracy("visual", accV)
                .accAudioVisual(accA, accV).accAvg((accM + accA + accV) / 3).validation(accM, 1).trainSeconds(10.0);
        if (method.equals("iibalance")) {
            r.budget("audio", 0.1, 0.7).budget("visual", 0.05, 0.3).anchor("audio");
            for (String s : List.of("train", "val", "test")) r.weightMean(s, "audio", 0.65).weightMean(s, "visual", 0.35);
        }
        d.writeResults(r.build());
        d.writeState(state, state == RunState.COMPLETED ? null : "stopped by the test", 3);
    }

    @Test
    void tablesAreMeansAndStdsOfTheInputsAndFiguresAreWritten() throws Exception {
        run("t/joint-1", "synthetic-av", "joint", 1, 0.50, 0.40, 0.20, 0.07, 1.0, RunState.COMPLETED);
        run("t/joint-2", "synthetic-av", "joint", 2, 0.60, 0.44, 0.22, 0.07, 1.0, RunState.COMPLETED);
        run("t/joint-3", "synthetic-av", "joint", 3, 0.70, 0.48, 0.24, 0.07, 1.0, RunState.COMPLETED);
        run("t/joint-4", "synthetic-av", "joint", 4, 0.99, 0.99, 0.99, 0.07, 1.0, RunState.CANCELLED); // skipped
        run("t/iib-1", "synthetic-av", "iibalance", 1, 0.80, 0.50, 0.40, 0.07, 1.0, RunState.COMPLETED);
        run("t/iib-2", "synthetic-av", "iibalance", 2, 0.90, 0.52, 0.42, 0.07, 1.0, RunState.COMPLETED);
        run("t/abl-1", "synthetic-av", "iibalance-no-stage1", 1, 0.75, 0.5, 0.3, 0.07, 1.0, RunState.COMPLETED);
        run("s/tau-1", "synthetic-av-sens", "iibalance", 1, 0.60, 0.5, 0.4, 0.5, 1.0, RunState.COMPLETED); // Fig. 4 only
        run("s/gamma-1", "synthetic-av-sens", "iibalance", 1, 0.70, 0.5, 0.4, 0.07, 0.0, RunState.COMPLETED);
        Files.createDirectories(tmp.resolve("t/joint-1/checkpoints/best")); // a checkpoint's own state.json is not a run
        Files.writeString(tmp.resolve("t/joint-1/checkpoints/best/state.json"), "{}");
        Files.createDirectories(tmp.resolve("t/broken"));
        Files.writeString(tmp.resolve("t/broken/results.json"), "{");

        MatrixReport r = MatrixReport.read(List.of(tmp.resolve("t"), tmp.resolve("s")));
        assertEquals(8, r.runs().size());
        assertEquals(2, r.skipped().size(), r.skipped().toString()); // the cancelled run and the folder without state.json
        assertTrue(r.skipped().keySet().stream().noneMatch(k -> k.contains("checkpoints")));
        assertTrue(r.skipped().values().stream().anyMatch(v -> v.contains("cancelled")));

        Stat m = r.stat("synthetic-av", "joint", "accM");
        assertEquals(0.6, m.mean(), 1e-9); // (0.5 + 0.6 + 0.7) / 3
        assertEquals(0.1, m.std(), 1e-9); // sqrt(((-0.1)^2 + 0 + 0.1^2) / 2)
        assertEquals(3, m.n());
        assertEquals(0.44, r.stat("synthetic-av", "joint", "accA").mean(), 1e-9);
        assertEquals(0.04, r.stat("synthetic-av", "joint", "accA").std(), 1e-9);
        // the sweep runs stay out of Table I: IIBalance is the mean of the two table runs
        assertEquals(0.85, r.stat("synthetic-av", "iibalance", "accM").mean(), 1e-9);
        assertEquals(Math.sqrt(0.005), r.stat("synthetic-av", "iibalance", "accM").std(), 1e-9);
        assertEquals(List.of("joint", "iibalance"), r.tableOneMethods());
        assertEquals(List.of("iibalance", "iibalance-no-stage1"), r.tableTwoMethods());

        String t1 = r.tableOneMarkdown();
        assertTrue(t1.contains("**85.00 \u00b1 7.07**"), t1); // best Acc_m in bold
        assertTrue(t1.contains("<u>60.00 \u00b1 10.00</u>"), t1); // second underlined
        assertTrue(r.tableOneCsv().contains("synthetic-av,joint,accM,0.600000,0.100000,3"));
        assertTrue(r.tableTwoMarkdown().contains("75.00 \u00b1 0.00"));

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
        for (String name : List.of("report.md", "table1.md", "table1.csv", "table2.md", "table2.csv", "numbers.csv", "fig3-synthetic-av.png",
                "fig3-synthetic-av.svg", "fig4-tau-synthetic-av.png", "fig4-tau-synthetic-av.svg", "fig4-gamma-synthetic-av.png", "fig4-gamma-synthetic-av.svg")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        assertEquals(9, Files.readAllLines(out.resolve("numbers.csv")).size()); // header + 8 runs
        assertTrue(Files.readString(out.resolve("report.md")).contains("stopped by the test"));
    }
}
