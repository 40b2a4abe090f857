package org.iibalance.gui.gating;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each head's class probabilities as a monospace table with one row per class and one column per
 * head ({@code fused}, then one per modality): as narrow as the heads are few, so that eight or more
 * classes fit the inspector's column instead of running off it. The most probable class of each
 * head is starred.
 */
final class ProbabilityTable {
    private ProbabilityTable() {}

    /** The table's text, or "" without probabilities. */
    static String text(Map<String, double[]> probabilities) {
        if (probabilities == null || probabilities.isEmpty()) return "";
        List<String> heads = List.copyOf(probabilities.keySet());
        int classes = probabilities.values().stream().mapToInt(v -> v.length).max().orElse(0);
        int width = Math.max(5, heads.stream().mapToInt(String::length).max().orElse(0)) + 1;
        StringBuilder b = new StringBuilder("class");
        for (String h : heads) b.append(String.format(Locale.ROOT, " %" + width + "s", h));
        int[] argmax = new int[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            double[] p = probabilities.get(heads.get(h));
            for (int c = 1; c < p.length; c++) if (p[c] > p[argmax[h]]) argmax[h] = c;
        }
        for (int c = 0; c < classes; c++) {
            b.append(String.format(Locale.ROOT, "%n%5d", c));
            for (int h = 0; h < heads.size(); h++) {
                double[] p = probabilities.get(heads.get(h));
                String v = c < p.length ? String.format(Locale.ROOT, "%.2f", p[c]) + (argmax[h] == c ? "*" : " ") : "- ";
                b.append(String.format(Locale.ROOT, " %" + width + "s", v));
            }
        }
        return b.toString();
    }
}
