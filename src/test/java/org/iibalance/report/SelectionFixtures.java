package org.iibalance.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.run.MetricsLog;
import org.iibalance.run.MetricsTable;
import org.iibalance.run.Results;
import org.iibalance.run.RunFolder;
import org.iibalance.run.RunState;

/**
 * Completed run folders for the selection-report tests, written with the {@code run} package (no
 * training): a validation curve per epoch in {@code metrics.csv} and distinctive test figures in
 * {@code results.json} and {@code gating.csv} that must never appear in a selection report.
 */
public final class SelectionFixtures {
    /** Test figures of every fixture run: each printed form of them is in {@link #TEST_TRACES}. */
    static final double TEST_ACC_M = 0.123456, TEST_ACC_A = 0.234567, TEST_ACC_V = 0.345678, TEST_WEIGHT_A = 0.456789, TEST_BETA_A = 0.777777;

    /** How the test figures would look in a table or CSV (fractions at 4 and 6 decimals, % at 1 and 2). */
    public static final List<String> TEST_TRACES = traces();

    private SelectionFixtures() {}

    private static List<String> traces() {
        List<String> t = new ArrayList<>();
        for (double v : new double[] {TEST_ACC_M, TEST_ACC_A, TEST_ACC_V, TEST_WEIGHT_A, 1 - TEST_WEIGHT_A, TEST_BETA_A, (TEST_ACC_M + TEST_ACC_A + TEST_ACC_V) / 3}) {
            t.add(String.format(java.util.Locale.ROOT, "%.6f", v));
            t.add(String.format(java.util.Locale.ROOT, "%.4f", v));
            t.add(String.format(java.util.Locale.ROOT, "%.2f", 100 * v));
            t.add(String.format(java.util.Locale.ROOT, "%.1f", 100 * v));
        }
        return List.copyOf(t);
    }

    /**
     * A completed run of synthetic-av under {@code root/folder} that trained {@code curve.length}
     * epochs with validation Acc_m {@code curve[e - 1]} at epoch e; it selected the first epoch of the
     * highest value (as the training loop does). Per-modality validation accuracies at epoch e:
     * audio {@code 0.40 + 0.05 e + 0.01 seed}, visual {@code 0.30 + 0.01 seed}. The test figures are
     * the constants above; gating.csv is deliberately not a valid table (a report that opened it would warn).
     */
    public static void run(Path root, String folder, String name, String method, long seed, double[] curve, List<String> set) throws Exception {
        RunFolder d = RunFolder.createAt(root.resolve(folder));
        List<String> ov = new ArrayList<>(List.of("method.name=" + method, "seed=" + seed, "name=" + name, "training.epochs=" + curve.length));
        ov.addAll(set);
        ExperimentConfig cfg = ConfigIO.withOverrides(ExperimentConfig.defaults(), ov);
        d.writeConfig(cfg, "fixture");
        int best = 0;
        for (int e = 1; e < curve.length; e++) if (curve[e] > curve[best]) best = e;
        try (MetricsLog log = d.metricsLog(List.of("audio", "visual"), List.of("valLoss"))) {
            log.open();
            for (int e = 1; e <= curve.length; e++) {
                log.row(MetricsTable.Row.step(e, 10L * e, 0.5, 1.0, 1.0, 2.0, Map.of("audio", 0.6, "visual", 0.4), 100, e, Map.of()));
                log.row(MetricsTable.Row.epoch(e, 10L * e, 0.5, 1.0, 1.0, 2.0, Map.of("audio", 0.6, "visual", 0.4), curve[e - 1],
                        Map.of("audio", 0.40 + 0.05 * e + 0.01 * seed, "visual", 0.30 + 0.01 * seed), 100, e, Map.of("valLoss", 1.0)));
            }
        }
        Results.Builder r = Results.builder().run(method, "synthetic-av", seed, name).accMultimodal(TEST_ACC_M).accuracy("audio", TEST_ACC_A)
                .accuracy("visual", TEST_ACC_V).accAudioVisual(TEST_ACC_A, TEST_ACC_V).accAvg((TEST_ACC_M + TEST_ACC_A + TEST_ACC_V) / 3)
                .validation(curve[best], best + 1).trainSeconds(10.0).epochs(curve.length);
        r.budget("audio", 0.1, TEST_BETA_A).budget("visual", 0.05, 1 - TEST_BETA_A).anchor("audio");
        r.weightMean("test", "audio", TEST_WEIGHT_A).weightMean("test", "visual", 1 - TEST_WEIGHT_A);
        d.writeResults(r.build());
        Files.writeString(d.dir().resolve("gating.csv"), "id,label\nclip0,not-a-number\n");
        d.writeState(RunState.COMPLETED, null, curve.length);
    }
}
