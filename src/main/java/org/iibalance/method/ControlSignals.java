package org.iibalance.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A baseline's control signals over one epoch (OGM-GE's k_m, Greedy's re-balancing fraction, MSLR's
 * rates, ...): per-step values are averaged, per-epoch values passed as they are. Names follow
 * {@code ctrl_<signal>_<modality>}; {@link #drain} hands the epoch's means to the runner, which writes
 * them as {@code metrics.csv} columns, and starts the next epoch.
 */
final class ControlSignals {
    private final Map<String, double[]> sums = new LinkedHashMap<>(); // name -> {sum, count}

    /** {@code ctrl_<signal>_<modality>} for every modality. */
    static List<String> perModality(String signal, List<String> modalities) {
        List<String> out = new ArrayList<>();
        for (String m : modalities) out.add("ctrl_" + signal + "_" + m);
        return out;
    }

    /** Adds one observation of {@code ctrl_<signal>_<modality m>} for every modality. */
    void add(String signal, List<String> modalities, double[] values) {
        for (int m = 0; m < values.length; m++) add("ctrl_" + signal + "_" + modalities.get(m), values[m]);
    }

    /** Adds one observation of a signal. */
    void add(String name, double value) {
        double[] s = sums.computeIfAbsent(name, k -> new double[2]);
        s[0] += value;
        s[1]++;
    }

    /** The mean of each signal since the last drain; then starts over. */
    Map<String, Double> drain() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) out.put(e.getKey(), e.getValue()[0] / Math.max(1, e.getValue()[1]));
        sums.clear();
        return out;
    }
}
