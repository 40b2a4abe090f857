package org.iibalance.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iibalance.run.GatingTable;

/**
 * Per-class figures of the fused prediction on the test clips, from {@code gating.csv}: the confusion
 * matrix (rows: true class, columns: predicted class), macro-F1, per-class Acc_m (the recall of the
 * class) and the mean fusion weight w_m (Eq. 10) of each modality over the clips of a class, so the
 * routing of the gate can be seen class by class. {@link #plus} pools the clips of several runs.
 *
 * @param confusion  counts[true][predicted]
 * @param modalities the modalities of the weights, in column order
 * @param weightSum  per class and modality, the sum of the weights w_m (NaN weights skipped)
 * @param weightN    per class and modality, the number of clips summed
 */
public record ClassFigures(long[][] confusion, List<String> modalities, double[][] weightSum, long[][] weightN) {

    public ClassFigures {
        modalities = List.copyOf(modalities);
    }

    /** The figures of one run's test clips. */
    public static ClassFigures of(GatingTable g) {
        int c = 0;
        for (GatingTable.Row r : g.rows()) c = Math.max(c, Math.max(r.label(), r.prediction()) + 1);
        List<String> mods = g.modalities();
        long[][] cm = new long[c][c];
        double[][] ws = new double[c][mods.size()];
        long[][] wn = new long[c][mods.size()];
        for (GatingTable.Row r : g.rows()) {
            if (r.label() < 0 || r.prediction() < 0) continue;
            cm[r.label()][r.prediction()]++;
            for (int m = 0; m < mods.size(); m++) {
                double w = r.weight(mods.get(m));
                if (Double.isNaN(w)) continue;
                ws[r.label()][m] += w;
                wn[r.label()][m]++;
            }
        }
        return new ClassFigures(cm, mods, ws, wn);
    }

    /** The figures from true and predicted class indices alone (no weights). */
    public static ClassFigures of(int[] labels, int[] predictions) {
        int c = 0;
        for (int i = 0; i < labels.length; i++) c = Math.max(c, Math.max(labels[i], predictions[i]) + 1);
        long[][] cm = new long[c][c];
        for (int i = 0; i < labels.length; i++) cm[labels[i]][predictions[i]]++;
        return new ClassFigures(cm, List.of(), new double[c][0], new long[c][0]);
    }

    /** Number of classes (the largest class index seen, plus one). */
    public int classes() {
        return confusion.length;
    }

    /** Clips of a class. */
    public long support(int c) {
        long s = 0;
        for (long x : confusion[c]) s += x;
        return s;
    }

    /** Clips predicted as a class. */
    long predicted(int c) {
        long s = 0;
        for (long[] row : confusion) s += row[c];
        return s;
    }

    /** All clips. */
    public long clips() {
        long s = 0;
        for (int c = 0; c < classes(); c++) s += support(c);
        return s;
    }

    /** Acc_m: the fraction of clips predicted right. */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < classes(); c++) right += confusion[c][c];
        return clips() == 0 ? Double.NaN : (double) right / clips();
    }

    /** Per-class Acc_m (the recall of the class); NaN for a class with no clips. */
    public double classAccuracy(int c) {
        long s = support(c);
        return s == 0 ? Double.NaN : (double) confusion[c][c] / s;
    }

    /**
     * F1 of a class, 2 TP / (2 TP + FP + FN): the harmonic mean of precision and recall, 0 when the
     * class is never predicted right (a precision or recall of 0/0 counts as 0, as scikit-learn's
     * {@code zero_division=0}); NaN for a class neither present nor predicted.
     */
    public double f1(int c) {
        long tp = confusion[c][c];
        long fp = predicted(c) - tp, fn = support(c) - tp;
        long d = 2 * tp + fp + fn;
        return d == 0 ? Double.NaN : 2.0 * tp / d;
    }

    /**
     * Macro-F1: the unweighted mean of the per-class F1 over the classes that occur among the true or
     * the predicted classes (scikit-learn's {@code f1_score(average="macro")}).
     */
    public double macroF1() {
        double s = 0;
        int n = 0;
        for (int c = 0; c < classes(); c++) {
            double f = f1(c);
            if (Double.isNaN(f)) continue;
            s += f;
            n++;
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Mean fusion weight of a modality over the clips of a class; NaN when none has a weight. */
    public double meanWeight(int c, String modality) {
        int m = modalities.indexOf(modality);
        if (m < 0 || c >= weightN.length || weightN[c][m] == 0) return Double.NaN;
        return weightSum[c][m] / weightN[c][m];
    }

    /** Whether any clip has a fusion weight. */
    public boolean hasWeights() {
        for (long[] row : weightN) for (long x : row) if (x > 0) return true;
        return false;
    }

    /** The clips of both (confusion counts and weight sums added; classes and modalities united). */
    public ClassFigures plus(ClassFigures o) {
        int c = Math.max(classes(), o.classes());
        Set<String> mods = new LinkedHashSet<>(modalities);
        mods.addAll(o.modalities);
        List<String> ml = new ArrayList<>(mods);
        long[][] cm = new long[c][c];
        double[][] ws = new double[c][ml.size()];
        long[][] wn = new long[c][ml.size()];
        for (ClassFigures f : List.of(this, o)) {
            for (int i = 0; i < f.classes(); i++) {
                for (int j = 0; j < f.classes(); j++) cm[i][j] += f.confusion[i][j];
                for (int m = 0; m < f.modalities.size(); m++) {
                    int k = ml.indexOf(f.modalities.get(m));
                    ws[i][k] += f.weightSum[i][m];
                    wn[i][k] += f.weightN[i][m];
                }
            }
        }
        return new ClassFigures(cm, ml, ws, wn);
    }
}
