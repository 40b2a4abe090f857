package org.iibalance.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * IIBalance against one baseline on one dataset, paired over seeds: for every seed both groups ran,
 * the difference d = Acc_m(IIBalance) - Acc_m(baseline); the mean difference with its 95% t-interval
 * and the two-sided p-value of the paired t-test (commons-math3 {@link TTest#pairedTTest}). Seeds only
 * one side ran are not used. Pairing on seeds is meaningful because a seed fixes the data split and the
 * initialisation for every method.
 *
 * @param reference      the IIBalance group
 * @param baseline       the baseline group
 * @param seeds          the seeds both ran
 * @param difference     mean, std and interval of d over those seeds
 * @param p              two-sided p of the paired t-test; NaN with fewer than 2 pairs or when every d is equal
 * @param otherDiffering configuration keys outside {@code method.*} in which the two groups differ (a
 *                       fair comparison has none)
 */
record PairedComparison(RunGroup reference, RunGroup baseline, List<Long> seeds, Stat difference, double p, List<String> otherDiffering) {

    static PairedComparison of(RunGroup reference, RunGroup baseline, Metric metric) {
        List<Long> seeds = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>();
        for (ReportRun r : reference.runs()) {
            ReportRun b = baseline.run(r.seed());
            if (b == null) continue;
            double x = r.value(metric), y = b.value(metric);
            if (Double.isNaN(x) || Double.isNaN(y)) continue;
            seeds.add(r.seed());
            pairs.add(new double[] {x, y});
        }
        double[] x = pairs.stream().mapToDouble(a -> a[0]).toArray();
        double[] y = pairs.stream().mapToDouble(a -> a[1]).toArray();
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) d[i] = x[i] - y[i];
        Stat s = Stat.of(d);
        double p = Double.NaN;
        if (d.length >= 2 && s.std() > 0) p = new TTest().pairedTTest(x, y);
        List<String> other = reference.identity().differingKeys(baseline.identity()).stream().filter(k -> !k.startsWith("method.")).toList();
        return new PairedComparison(reference, baseline, List.copyOf(seeds), s, p, other);
    }
}
