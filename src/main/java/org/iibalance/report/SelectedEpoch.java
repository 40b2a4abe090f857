package org.iibalance.report;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iibalance.run.MetricsTable;
import org.iibalance.run.RunSummary;

/**
 * The epoch a run selected on validation, read without any test figure: {@code val.bestEpoch} and
 * {@code val.accMultimodal} of {@code results.json}, the last multimodal epoch trained and the
 * per-modality validation accuracies of the selected epoch from {@code metrics.csv}'s
 * {@code phase=epoch} rows. A selected epoch equal to the last epoch trained says the validation
 * curve was still rising when training ended (the run may have been too short).
 *
 * @param seed        the run's seed
 * @param bestEpoch   1-based selected epoch ({@code val.bestEpoch}; -1 when not recorded)
 * @param lastEpoch   the last multimodal epoch trained (metrics.csv, else state.json; -1 when unknown)
 * @param valAccM     validation Acc_m of the selected epoch (NaN when not recorded)
 * @param valAccuracy validation accuracy per modality at the selected epoch (empty when metrics.csv has none)
 * @param problem     why some of it could not be read (null when all was)
 */
record SelectedEpoch(long seed, int bestEpoch, int lastEpoch, double valAccM, Map<String, Double> valAccuracy, String problem) {

    SelectedEpoch {
        valAccuracy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valAccuracy));
    }

    /** Whether the selected epoch is the last one trained (false when either is unknown). */
    boolean lastEpochSelected() {
        return bestEpoch > 0 && bestEpoch == lastEpoch;
    }

    /** Reads a counted run's selected epoch (results.json's validation keys and metrics.csv; never gating.csv or predictions.csv). */
    static SelectedEpoch of(ReportRun run) {
        RunSummary s = run.summary();
        Integer best = s.results().valBestEpoch();
        int bestEpoch = best == null ? -1 : best;
        double valAccM = s.results().valAccuracy();
        int last = s.state().epochsCompleted() > 0 ? s.state().epochsCompleted() : -1;
        Map<String, Double> acc = new LinkedHashMap<>();
        String problem = best == null ? s.dir() + ": results.json has no val.bestEpoch" : null;
        try {
            MetricsTable table = s.metrics();
            List<MetricsTable.Row> epochs = table.rows(MetricsTable.Kind.EPOCH);
            int maxEpoch = epochs.stream().mapToInt(MetricsTable.Row::epoch).max().orElse(-1);
            if (maxEpoch > 0) last = maxEpoch;
            MetricsTable.Row at = null;
            for (MetricsTable.Row r : epochs) if (r.epoch() == bestEpoch) at = r; // a resumed log keeps the last row of an epoch
            if (at != null) {
                for (String m : table.modalities()) { // in the file's column order
                    Double v = at.valAccuracy().get(m);
                    if (v != null) acc.put(m, v);
                }
                if (!Double.isNaN(valAccM) && Math.abs(at.valAccMultimodal() - valAccM) > 1e-4) {
                    problem = join(problem, String.format(java.util.Locale.ROOT, "%s: metrics.csv gives validation Acc_m %.4f at epoch %d, results.json %.4f",
                            s.dir(), at.valAccMultimodal(), bestEpoch, valAccM));
                }
            } else if (bestEpoch > 0) {
                problem = join(problem, s.dir() + ": metrics.csv has no phase=epoch row for the selected epoch " + bestEpoch
                        + ", so no per-modality validation accuracies");
            }
        } catch (IOException | RuntimeException e) {
            problem = join(problem, s.dir() + ": metrics.csv unreadable (" + e.getMessage() + "), so no per-modality validation accuracies"
                    + " and the last epoch is taken from state.json");
        }
        return new SelectedEpoch(run.seed(), bestEpoch, last, valAccM, acc, problem);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
