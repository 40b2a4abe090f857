package org.iibalance.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.iibalance.run.Results;
import org.iibalance.run.RunSummary;

/**
 * The statistics of the report over completed runs: which runs make a table cell (sweep runs are
 * kept out of Tables I and II), mean and std over seeds, the Fig. 3 means and the Fig. 4 points. All
 * figures are test-split figures of the epoch each run selected on validation; nothing is selected here.
 */
final class ReportStatistics {
    /** Table I rows, in the paper's order; other non-ablation methods follow alphabetically. */
    static final List<String> TABLE_ONE_ORDER = List.of("joint", "mslr", "g-blending", "ogm-ge", "greedy", "pmr", "agm", "mmpareto", "ggdm", "iibalance");
    /** Table II rows. */
    static final List<String> TABLE_TWO_ORDER = List.of("iibalance", "iibalance-uniform-prior", "iibalance-no-stage1", "iibalance-no-stage2");
    /** The method of Fig. 3 and Fig. 4. */
    static final String IIBALANCE = "iibalance";

    private final List<RunSummary> runs;

    ReportStatistics(List<RunSummary> runs) {
        this.runs = List.copyOf(runs);
    }

    List<RunSummary> runs() {
        return runs;
    }

    List<String> datasets() {
        return runs.stream().map(r -> r.results().dataset()).distinct().sorted().toList();
    }

    /** The modalities of the runs, in first-seen order. */
    List<String> modalities() {
        Set<String> m = new LinkedHashSet<>();
        for (RunSummary r : runs) m.addAll(r.results().modalities());
        return List.copyOf(m);
    }

    /** Table I's figures: Acc_m, one per modality, Avg. */
    List<Metric> metrics() {
        return Metric.forModalities(modalities());
    }

    /** The metric of this id ({@code accM}, {@code accA}, ...). */
    Metric metric(String id) {
        return metrics().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException("no metric " + id));
    }

    /** Table runs (not sweep runs) of a dataset and method. */
    List<RunSummary> tableRuns(String dataset, String method) {
        return runs.stream().filter(r -> !r.sensitivity() && dataset.equals(r.results().dataset()) && method.equals(r.results().method())).toList();
    }

    Stat stat(String dataset, String method, Metric metric) {
        return Stat.of(tableRuns(dataset, method).stream().map(r -> metric.of(r.results())).toList());
    }

    /** Methods of Table I present in the runs, in the paper's order. */
    List<String> tableOneMethods() {
        Set<String> present = new LinkedHashSet<>();
        runs.stream().filter(r -> !r.sensitivity()).map(r -> r.results().method()).sorted().forEach(present::add);
        List<String> out = new ArrayList<>();
        for (String m : TABLE_ONE_ORDER) if (present.contains(m)) out.add(m);
        for (String m : present) if (!out.contains(m) && !TABLE_TWO_ORDER.contains(m)) out.add(m);
        return out;
    }

    List<String> tableTwoMethods() {
        Set<String> present = new LinkedHashSet<>();
        runs.stream().filter(r -> !r.sensitivity()).map(r -> r.results().method()).forEach(present::add);
        return TABLE_TWO_ORDER.stream().filter(present::contains).toList();
    }

    /** Fig. 3 data of a dataset (null when no IIBalance run has a budget). */
    BudgetFigure budgetFigure(String dataset) {
        List<Results> rs = tableRuns(dataset, IIBALANCE).stream().map(RunSummary::results).filter(r -> r.capabilities().budgetPrior() && !r.prior().isEmpty())
                .toList();
        if (rs.isEmpty()) return null;
        List<String> mods = new ArrayList<>(rs.get(0).prior().keySet());
        double[] prior = new double[mods.size()];
        Map<String, double[]> w = new LinkedHashMap<>();
        for (int m = 0; m < mods.size(); m++) {
            String mod = mods.get(m);
            prior[m] = Stat.of(rs.stream().map(r -> Results.orNaN(r.prior().get(mod))).toList()).mean();
            for (String split : Results.SPLITS) {
                double v = Stat.of(rs.stream().map(r -> Results.orNaN(r.weightMean(split).get(mod))).toList()).mean();
                if (!Double.isNaN(v)) w.computeIfAbsent(split, x -> new double[mods.size()])[m] = v;
            }
        }
        return new BudgetFigure(mods, prior, w, rs.size());
    }

    /**
     * Fig. 4 points of a dataset for "tau" or "gamma": {x, mean test Acc_m, std, n, mean validation Acc_m} over IIBalance runs (table
     * and sweep) whose other parameter equals the table runs' value; empty when fewer than two values.
     */
    List<double[]> sensitivity(String dataset, String parameter) {
        List<RunSummary> all = runs.stream().filter(r -> dataset.equals(r.results().dataset()) && IIBALANCE.equals(r.results().method())).toList();
        List<RunSummary> table = tableRuns(dataset, IIBALANCE);
        if (all.isEmpty()) return List.of();
        boolean tau = parameter.equals("tau");
        RunSummary ref = table.isEmpty() ? all.get(0) : table.get(0);
        double other = tau ? ReportRuns.gamma(ref) : ReportRuns.tau(ref);
        Map<Double, List<RunSummary>> byX = new TreeMap<>();
        for (RunSummary r : all) {
            double o = tau ? ReportRuns.gamma(r) : ReportRuns.tau(r);
            double x = tau ? ReportRuns.tau(r) : ReportRuns.gamma(r);
            if (Double.isNaN(x) || Math.abs(o - other) > 1e-12) continue;
            byX.computeIfAbsent(x, k -> new ArrayList<>()).add(r);
        }
        if (byX.size() < 2) return List.of();
        List<double[]> pts = new ArrayList<>();
        for (Map.Entry<Double, List<RunSummary>> e : byX.entrySet()) {
            Stat s = Stat.of(e.getValue().stream().map(r -> r.results().accMultimodal()).toList());
            Stat v = Stat.of(e.getValue().stream().map(r -> r.results().valAccuracy()).toList());
            pts.add(new double[] {e.getKey(), s.mean(), s.std(), s.n(), v.mean()});
        }
        return pts;
    }
}
