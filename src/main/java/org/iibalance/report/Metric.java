package org.iibalance.report;

import java.util.ArrayList;
import java.util.List;
import org.iibalance.run.Results;

/**
 * A figure of a run: a test figure of Table I (Acc_m, each modality's accuracy, or Avg), or
 * {@link #VAL_ACC_M}, the validation Acc_m a selection report ({@link SelectionReport}) ranks on. A modality is shown by its first
 * letter when the first letters of the runs' modalities differ ({@code accA} / {@code Acc_a} for audio,
 * as in the paper), else by its name ({@code acc_<m>} / {@code Acc_<m>}); any number of modalities.
 *
 * @param id       the id in CSV files ({@code accM}, {@code accA}, {@code accAvg})
 * @param label    the column label ({@code Acc_m}, {@code Acc_a}, {@code Avg})
 * @param modality the modality of a per-modality figure (null for Acc_m and Avg)
 */
public record Metric(String id, String label, String modality) {
    public static final Metric ACC_M = new Metric("accM", "Acc_m", null);
    public static final Metric AVG = new Metric("accAvg", "Avg", null);
    /** Macro-F1 of the fused prediction on test (from {@code gating.csv}; see {@link ClassFigures#macroF1()}). */
    public static final Metric MACRO_F1 = new Metric("macroF1", "Macro-F1", null);
    /** Validation Acc_m of the epoch the run selected ({@code val.accMultimodal}): what a selection report ranks on, never test. */
    public static final Metric VAL_ACC_M = new Metric("valAccM", "validation Acc_m", null);

    /** The figure of a run (NaN when it has none; macro-F1 is not in results, see {@link ReportRun#value}). */
    public double of(Results r) {
        if (this.equals(ACC_M)) return r.accMultimodal();
        if (this.equals(AVG)) return r.accAvg();
        if (this.equals(MACRO_F1)) return Double.NaN;
        if (this.equals(VAL_ACC_M)) return r.valAccuracy();
        return r.accuracy(modality);
    }

    /** Acc_m, one figure per modality, Avg (Table I adds {@link #MACRO_F1} beside them). */
    public static List<Metric> forModalities(List<String> modalities) {
        boolean shortNames = modalities.stream().map(m -> m.isEmpty() ? "" : m.substring(0, 1).toLowerCase()).distinct().count() == modalities.size()
                && modalities.stream().noneMatch(String::isEmpty);
        List<Metric> out = new ArrayList<>();
        out.add(ACC_M);
        for (String m : modalities) {
            String s = m.substring(0, 1);
            out.add(shortNames ? new Metric("acc" + s.toUpperCase(), "Acc_" + s.toLowerCase(), m) : new Metric("acc_" + m, "Acc_" + m, m));
        }
        out.add(AVG);
        return out;
    }
}
