package org.iibalance.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.iibalance.run.Results;

/**
 * The statistics of the report over completed runs. Runs are pooled only within a {@link RunGroup}
 * (same dataset, method and configuration but the seed; one run per seed); sweep runs are kept out of
 * Tables I and II. Per cell: mean, sample std, n and the 95% t-interval ({@link Stat}); per dataset a
 * paired t-test over seeds of IIBalance against each baseline ({@link PairedComparison}); a best is
 * named only when its interval lies above every other row's ({@link Best}). All figures are
 * test-split figures of the epoch each run selected on validation; nothing is selected here on test.
 */
final class ReportStatistics {
    /** Table I rows, in the paper's order; other non-ablation methods follow alphabetically. */
    static final List<String> TABLE_ONE_ORDER = List.of("joint", "mslr", "g-blending", "ogm-ge", "greedy", "pmr", "agm", "mmpareto", "ggdm", "iibalance");
    /** Table II rows. */
    static final List<String> TABLE_TWO_ORDER = List.of("iibalance", "iibalance-uniform-prior", "iibalance-no-stage1", "iibalance-no-stage2");
    /** The method of Fig. 3, Fig. 4 and the paired tests. */
    static final String IIBALANCE = "iibalance";

    private final List<ReportRun> runs;
    private final RunGroups groups;

    ReportStatistics(List<ReportRun> runs) {
        this.runs = List.copyOf(runs);
        this.groups = RunGroups.of(runs);
    }

    List<ReportRun> runs() {
        return runs;
    }

    RunGroups groups() {
        return groups;
    }

    List<String> datasets() {
        return runs.stream().map(ReportRun::dataset).distinct().sorted().toList();
    }

    /** The modalities of the runs, in first-seen order. */
    List<String> modalities() {
        Set<String> m = new LinkedHashSet<>();
        for (ReportRun r : runs) m.addAll(r.results().modalities());
        return List.copyOf(m);
    }

    /** Table I's figures: Acc_m, one per modality, Avg, macro-F1. */
    List<Metric> metrics() {
        List<Metric> m = new ArrayList<>(Metric.forModalities(modalities()));
        m.add(Metric.MACRO_F1);
        return m;
    }

    /** The metric of this id ({@code accM}, {@code accA}, ..., {@code macroF1}). */
    Metric metric(String id) {
        return metrics().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException("no metric " + id));
    }

    /** Table groups of a dataset for these methods, in the methods' order, then by hash. */
    List<RunGroup> rows(String dataset, List<String> methods) {
        List<RunGroup> out = new ArrayList<>();
        for (String m : methods) out.addAll(groups.table(dataset, m));
        return out;
    }

    /**
     * Mean and spread of a figure for a dataset and method: only when exactly one configuration was
     * run (several are never pooled).
     *
     * @throws IllegalStateException naming the configurations when there are several
     */
    Stat stat(String dataset, String method, Metric metric) {
        List<RunGroup> g = groups.table(dataset, method);
        if (g.isEmpty()) return Stat.of(new double[0]);
        if (g.size() > 1) {
            throw new IllegalStateException(dataset + " / " + method + " has " + g.size() + " configurations (" + g.stream().map(RunGroup::hash).toList()
                    + "); they are not pooled");
        }
        return g.get(0).stat(metric);
    }

    /** Methods of Table I present in the runs, in the paper's order. */
    List<String> tableOneMethods() {
        Set<String> present = new LinkedHashSet<>();
        runs.stream().filter(r -> !r.summary().sensitivity()).map(ReportRun::method).sorted().forEach(present::add);
        List<String> out = new ArrayList<>();
        for (String m : TABLE_ONE_ORDER) if (present.contains(m)) out.add(m);
        for (String m : present) if (!out.contains(m) && !TABLE_TWO_ORDER.contains(m)) out.add(m);
        return out;
    }

    List<String> tableTwoMethods() {
        Set<String> present = new LinkedHashSet<>();
        runs.stream().filter(r -> !r.summary().sensitivity()).map(ReportRun::method).forEach(present::add);
        return TABLE_TWO_ORDER.stream().filter(present::contains).toList();
    }

    /**
     * The best row of a column, named only when it is clear.
     *
     * @param winner the row with the highest mean whose 95% interval lies above every other row's
     *               interval; null when there is no such row (a tie)
     * @param top    the rows whose intervals reach the highest mean's interval (the tie), highest mean first
     * @param why    why there is no winner (null when there is one)
     */
    record Best(RunGroup winner, List<RunGroup> top, String why) {}

    /** The best of these rows on a figure (rows without a value are left out). */
    static Best best(List<RunGroup> rows, Metric metric) {
        List<RunGroup> with = new ArrayList<>(rows.stream().filter(g -> g.stat(metric).n() > 0).toList());
        if (with.size() < 2) return new Best(null, with, with.isEmpty() ? "no values" : "one row only");
        with.sort((a, b) -> Double.compare(b.stat(metric).mean(), a.stat(metric).mean()));
        RunGroup first = with.get(0);
        Stat f = first.stat(metric);
        List<RunGroup> top = new ArrayList<>(List.of(first));
        String why = null;
        for (RunGroup g : with.subList(1, with.size())) {
            Stat s = g.stat(metric);
            if (!f.hasInterval() || !s.hasInterval()) {
                top.add(g);
                if (why == null) why = "n=1 has no interval";
            } else if (s.upper() >= f.lower()) {
                top.add(g);
                if (why == null) why = "intervals overlap";
            }
        }
        return why == null ? new Best(first, List.of(first), null) : new Best(null, top, why);
    }

    /** Per dataset, IIBalance (each of its table configurations) against each Table I baseline configuration, paired over seeds on Acc_m. */
    List<PairedComparison> paired(String dataset) {
        List<PairedComparison> out = new ArrayList<>();
        for (RunGroup ref : groups.table(dataset, IIBALANCE)) {
            for (String m : tableOneMethods()) {
                if (m.equals(IIBALANCE)) continue;
                for (RunGroup b : groups.table(dataset, m)) out.add(PairedComparison.of(ref, b, Metric.ACC_M));
            }
        }
        return out;
    }

    /** Fig. 3 data of a dataset from {@link RunGroups#main} of IIBalance (null when it has no budget). */
    BudgetFigure budgetFigure(String dataset) {
        RunGroup g = groups.main(dataset, IIBALANCE);
        if (g == null) return null;
        List<Results> rs = g.runs().stream().map(ReportRun::results).filter(r -> r.capabilities().budgetPrior() && !r.prior().isEmpty()).toList();
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
     * Fig. 4 points of a dataset for "tau" or "gamma": {x, mean test Acc_m, std (NaN for one seed), n,
     * mean validation Acc_m} over the IIBalance runs (table and sweep) whose configuration equals the
     * reference group's ({@link RunGroups#main}, else the largest sweep group) in everything but the
     * seed and {@code method.<parameter>}; one run per seed and value. Empty when fewer than two values.
     */
    List<double[]> sensitivity(String dataset, String parameter) {
        String key = "method." + parameter;
        RunGroup ref = groups.main(dataset, IIBALANCE);
        if (ref == null) {
            ref = groups.groups().stream().filter(g -> g.sensitivity() && g.dataset().equals(dataset) && g.method().equals(IIBALANCE))
                    .max(java.util.Comparator.comparingInt(RunGroup::n)).orElse(null);
        }
        if (ref == null || ref.hash().equals(ConfigIdentity.UNKNOWN)) return List.of();
        String want = ref.identity().without(key).hash();
        Map<Double, Map<Long, ReportRun>> byX = new TreeMap<>();
        for (RunGroup g : groups.groups()) {
            if (!g.dataset().equals(dataset) || !g.method().equals(IIBALANCE) || !g.identity().without(key).hash().equals(want)) continue;
            for (ReportRun r : g.runs()) {
                double x = ReportRuns.parameter(r.summary(), parameter);
                if (!Double.isNaN(x)) byX.computeIfAbsent(x, k -> new TreeMap<>()).putIfAbsent(r.seed(), r);
            }
        }
        if (byX.size() < 2) return List.of();
        List<double[]> pts = new ArrayList<>();
        for (Map.Entry<Double, Map<Long, ReportRun>> e : byX.entrySet()) {
            Stat s = Stat.of(e.getValue().values().stream().map(r -> r.results().accMultimodal()).toList());
            Stat v = Stat.of(e.getValue().values().stream().map(r -> r.results().valAccuracy()).toList());
            pts.add(new double[] {e.getKey(), s.mean(), s.std(), s.n(), v.mean()});
        }
        return pts;
    }
}
