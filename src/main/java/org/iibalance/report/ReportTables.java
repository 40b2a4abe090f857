package org.iibalance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iibalance.run.CsvFile;
import org.iibalance.run.Results;

/**
 * Table I, Table II, the paired tests, the budgets, the per-class figures and the per-run numbers as
 * Markdown and CSV (CSV through {@link CsvFile}). One table per dataset; a row is one
 * {@link RunGroup} (method and configuration hash), a cell is "mean ± std [95% t-interval]" in %, or
 * "mean (n=1)" for a single run. The last row names the best of each column, or says "tie".
 */
final class ReportTables {
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("joint", "Joint training"), Map.entry("mslr", "MSLR"),
            Map.entry("g-blending", "G-Blending"), Map.entry("ogm-ge", "OGM-GE"), Map.entry("greedy", "Greedy"), Map.entry("pmr", "PMR"),
            Map.entry("agm", "AGM"), Map.entry("mmpareto", "MMPareto"), Map.entry("ggdm", "GGDM"), Map.entry("iibalance", "IIBalance"),
            Map.entry("iibalance-uniform-prior", "w/o IIB prior"), Map.entry("iibalance-no-stage1", "w/o Stage I (PRA)"),
            Map.entry("iibalance-no-stage2", "w/o Stage II (fusion)"));
    private static final List<String> STAT_HEADER = List.of("dataset", "method", "config", "metric", "mean", "std", "n", "ci95_low", "ci95_high", "best");

    private final ReportStatistics stats;

    ReportTables(ReportStatistics stats) {
        this.stats = stats;
    }

    static String label(String method) {
        return LABELS.getOrDefault(method, method);
    }

    /** A cell in %: "mean ± std [low, high]", "mean (n=1)", or "-"; " (n=k)" added when k differs from the row's n. */
    static String cell(Stat s, int rowN) {
        if (s.n() == 0) return "-";
        String extra = s.n() != rowN && s.hasInterval() ? String.format(Locale.ROOT, " (n=%d)", s.n()) : "";
        if (!s.hasInterval()) return String.format(Locale.ROOT, "%.2f (n=1)", 100 * s.mean());
        return String.format(Locale.ROOT, "%.2f \u00b1 %.2f [%.2f, %.2f]%s", 100 * s.mean(), 100 * s.std(), 100 * s.lower(), 100 * s.upper(), extra);
    }

    private static String bestCell(ReportStatistics.Best b, List<RunGroup> rows) {
        if (b.winner() != null) return "**" + rowName(b.winner(), rows) + "**";
        if (b.top().size() < 2) return "-";
        return "tie: " + String.join(", ", b.top().stream().map(g -> rowName(g, rows)).toList()) + " (" + b.why() + ")";
    }

    /** A row's name: the method, with its hash when the method has several rows. */
    private static String rowName(RunGroup g, List<RunGroup> rows) {
        boolean several = rows.stream().filter(r -> r.method().equals(g.method())).count() > 1;
        return several ? label(g.method()) + " `" + g.hash() + "`" : label(g.method());
    }

    /** One table per dataset over these methods and metrics, with a last row naming the best or the tie. */
    private String table(String dataset, List<String> methods, List<Metric> metrics) {
        List<RunGroup> rows = stats.rows(dataset, methods);
        StringBuilder b = new StringBuilder("| Method | config | n |");
        StringBuilder sep = new StringBuilder("|---|---|---:|");
        for (Metric m : metrics) {
            b.append(' ').append(m.label()).append(" |");
            sep.append("---:|");
        }
        b.append('\n').append(sep).append('\n');
        List<ReportStatistics.Best> best = metrics.stream().map(m -> ReportStatistics.best(rows, m)).toList();
        for (RunGroup g : rows) {
            b.append("| ").append(label(g.method())).append(" | `").append(g.hash()).append("` | ").append(g.n()).append(" |");
            for (int i = 0; i < metrics.size(); i++) {
                String c = cell(g.stat(metrics.get(i)), g.n());
                b.append(' ').append(best.get(i).winner() == g ? "**" + c + "**" : c).append(" |");
            }
            b.append('\n');
        }
        b.append("| best | | |");
        for (ReportStatistics.Best x : best) b.append(' ').append(bestCell(x, rows)).append(" |");
        return b.append('\n').toString();
    }

    /** Table I as Markdown: per dataset Acc_m, each modality, Avg and macro-F1 (test, %). */
    String tableOneMarkdown() {
        StringBuilder b = new StringBuilder();
        for (String d : stats.datasets()) {
            if (stats.rows(d, stats.tableOneMethods()).isEmpty()) continue;
            b.append("### ").append(d).append("\n\n").append(table(d, stats.tableOneMethods(), stats.metrics())).append('\n');
        }
        return b.toString();
    }

    /** Table II: Acc_m and macro-F1 of IIBalance and its ablations per dataset. */
    String tableTwoMarkdown() {
        StringBuilder b = new StringBuilder();
        for (String d : stats.datasets()) {
            if (stats.rows(d, stats.tableTwoMethods()).isEmpty()) continue;
            b.append("### ").append(d).append("\n\n").append(table(d, stats.tableTwoMethods(), List.of(Metric.ACC_M, Metric.MACRO_F1))).append('\n');
        }
        return b.toString();
    }

    private String statCsv(List<String> methods, List<Metric> metrics) {
        List<String[]> rows = new ArrayList<>();
        for (String d : stats.datasets()) {
            List<RunGroup> groups = stats.rows(d, methods);
            for (Metric m : metrics) {
                ReportStatistics.Best best = ReportStatistics.best(groups, m);
                for (RunGroup g : groups) {
                    Stat s = g.stat(m);
                    String mark = best.winner() == g ? "best" : best.winner() == null && best.top().size() > 1 && best.top().contains(g) ? "tie" : "";
                    rows.add(new String[] {d, g.method(), g.hash(), m.id(), num(s.mean()), num(s.std()), Integer.toString(s.n()), num(s.lower()), num(s.upper()), mark});
                }
            }
        }
        return new CsvFile(STAT_HEADER, rows).text();
    }

    /** Table I as CSV (fractions, not %): one row per dataset, row group and figure. */
    String tableOneCsv() {
        return statCsv(stats.tableOneMethods(), stats.metrics());
    }

    String tableTwoCsv() {
        return statCsv(stats.tableTwoMethods(), List.of(Metric.ACC_M, Metric.MACRO_F1));
    }

    /** The paired tests of a dataset as Markdown (empty when there is none). */
    String pairedMarkdown(String dataset) {
        List<PairedComparison> ps = stats.paired(dataset);
        if (ps.isEmpty()) return "";
        StringBuilder b = new StringBuilder("| IIBalance [config] vs | config | seeds paired | mean difference of Acc_m (pp) | 95% interval | p (paired t) | other keys differing |\n");
        b.append("|---|---|---:|---:|---:|---:|---|\n");
        for (PairedComparison p : ps) {
            Stat d = p.difference();
            b.append("| ").append(label(p.baseline().method())).append(" (IIBalance `").append(p.reference().hash()).append("`) | `").append(p.baseline().hash())
                    .append("` | ").append(p.seeds().size()).append(" | ").append(d.n() == 0 ? "-" : String.format(Locale.ROOT, "%+.2f", 100 * d.mean()))
                    .append(" | ").append(d.hasInterval() ? String.format(Locale.ROOT, "[%+.2f, %+.2f]", 100 * d.lower(), 100 * d.upper()) : "-")
                    .append(" | ").append(pValue(p)).append(" | ").append(p.otherDiffering().isEmpty() ? "none" : String.join(", ", p.otherDiffering())).append(" |\n");
        }
        return b.toString();
    }

    private static String pValue(PairedComparison p) {
        if (!Double.isNaN(p.p())) return p.p() < 1e-4 ? String.format(Locale.ROOT, "%.1e", p.p()) : String.format(Locale.ROOT, "%.4f", p.p());
        if (p.seeds().size() < 2) return "- (fewer than 2 paired seeds)";
        return "- (every difference equal)";
    }

    /** Every paired test as CSV. */
    String pairedCsv() {
        List<String[]> rows = new ArrayList<>();
        for (String d : stats.datasets()) {
            for (PairedComparison p : stats.paired(d)) {
                Stat s = p.difference();
                rows.add(new String[] {d, p.reference().method(), p.reference().hash(), p.baseline().method(), p.baseline().hash(), Integer.toString(p.seeds().size()),
                        num(s.mean()), num(s.lower()), num(s.upper()), num(p.p()), String.join(" ", p.otherDiffering())});
            }
        }
        return new CsvFile(List.of("dataset", "method", "config", "baseline", "baseline_config", "pairs", "mean_diff_accM", "ci95_low", "ci95_high", "p_paired_t",
                "other_keys_differing"), rows).text();
    }

    /** Per dataset, B_m and beta_m (Eq. 1-2) of every group with a budget: mean ± std over seeds. */
    String budgetMarkdown() {
        List<String> mods = stats.modalities();
        StringBuilder b = new StringBuilder();
        for (String d : stats.datasets()) {
            List<RunGroup> rows = stats.rows(d, stats.tableTwoMethods()).stream()
                    .filter(g -> g.runs().stream().anyMatch(r -> r.results().capabilities().budgetPrior())).toList();
            if (rows.isEmpty()) continue;
            b.append("### ").append(d).append("\n\n| Method | config | n |");
            for (String m : mods) b.append(" B_").append(m).append(" |");
            for (String m : mods) b.append(" beta_").append(m).append(" |");
            b.append("\n|---|---|---:|").append("---:|".repeat(2 * mods.size())).append('\n');
            for (RunGroup g : rows) {
                b.append("| ").append(label(g.method())).append(" | `").append(g.hash()).append("` | ").append(g.n()).append(" |");
                for (String m : mods) b.append(' ').append(plain(Stat.of(g.runs().stream().map(r -> Results.orNaN(r.results().budget().entropyScore().get(m))).toList()))).append(" |");
                for (String m : mods) b.append(' ').append(plain(Stat.of(g.runs().stream().map(r -> Results.orNaN(r.results().budget().beta().get(m))).toList()))).append(" |");
                b.append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** "mean ± std (min..max)" of a non-percentage figure. */
    private static String plain(Stat s) {
        if (s.n() == 0) return "-";
        if (!s.hasInterval()) return String.format(Locale.ROOT, "%.4f (n=1)", s.mean());
        return String.format(Locale.ROOT, "%.4f \u00b1 %.4f", s.mean(), s.std());
    }

    /** The per-class figures of a group as CSV: class, clips, Acc_m, predicted, F1, mean weight per modality (pooled over its runs). */
    static String classesCsv(ClassFigures f) {
        List<String> h = new ArrayList<>(List.of("class", "clips", "accM", "predicted", "f1"));
        for (String m : f.modalities()) h.add("weight_" + m);
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < f.classes(); c++) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(c), Long.toString(f.support(c)), num(f.classAccuracy(c)), Long.toString(f.predicted(c)), num(f.f1(c))));
            for (String m : f.modalities()) r.add(num(f.meanWeight(c, m)));
            rows.add(r.toArray(String[]::new));
        }
        return new CsvFile(h, rows).text();
    }

    /** The confusion matrix as CSV: rows true classes, columns predicted classes. */
    static String confusionCsv(ClassFigures f) {
        List<String> h = new ArrayList<>(List.of("true\\predicted"));
        for (int c = 0; c < f.classes(); c++) h.add(Integer.toString(c));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < f.classes(); i++) {
            String[] r = new String[f.classes() + 1];
            r[0] = Integer.toString(i);
            for (int j = 0; j < f.classes(); j++) r[j + 1] = Long.toString(f.confusion()[i][j]);
            rows.add(r);
        }
        return new CsvFile(h, rows).text();
    }

    /** The per-class figures of a group as Markdown. */
    static String classesMarkdown(ClassFigures f) {
        StringBuilder b = new StringBuilder("| class | clips | Acc_m (%) | F1 |");
        for (String m : f.modalities()) b.append(" mean w_").append(m).append(" |");
        b.append("\n|---:|---:|---:|---:|").append("---:|".repeat(f.modalities().size())).append('\n');
        for (int c = 0; c < f.classes(); c++) {
            b.append("| ").append(c).append(" | ").append(f.support(c)).append(" | ").append(pctOrDash(f.classAccuracy(c))).append(" | ")
                    .append(Double.isNaN(f.f1(c)) ? "-" : String.format(Locale.ROOT, "%.3f", f.f1(c))).append(" |");
            for (String m : f.modalities()) {
                double w = f.meanWeight(c, m);
                b.append(' ').append(Double.isNaN(w) ? "-" : String.format(Locale.ROOT, "%.3f", w)).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String pctOrDash(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    /** Every number used: one row per completed run, with its configuration hash and whether it was counted. */
    String numbersCsv() {
        List<String> mods = stats.modalities();
        List<Metric> metrics = stats.metrics();
        List<String> h = new ArrayList<>(List.of("run", "dataset", "method", "config", "seed", "counted", "sensitivity", "tau", "gamma"));
        for (Metric m : metrics) h.add("test_" + m.id());
        h.add("val_accM");
        h.add("trainSeconds");
        for (String m : mods) h.add("beta_" + m);
        for (String s : Results.SPLITS) for (String m : mods) h.add("weight_" + s + "_" + m);
        java.util.Set<ReportRun> counted = new java.util.HashSet<>();
        for (RunGroup g : stats.groups().groups()) counted.addAll(g.runs());
        List<String[]> rows = new ArrayList<>();
        for (ReportRun run : stats.runs()) {
            Results r = run.results();
            List<String> c = new ArrayList<>(List.of(run.summary().dir().toString(), r.dataset(), r.method(), run.identity().hash(), String.valueOf(run.seed()),
                    Boolean.toString(counted.contains(run)), Boolean.toString(run.summary().sensitivity()), num(ReportRuns.tau(run.summary())),
                    num(ReportRuns.gamma(run.summary()))));
            for (Metric m : metrics) c.add(num(run.value(m)));
            c.add(num(r.valAccuracy()));
            c.add(num(Results.orNaN(r.trainSeconds())));
            for (String m : mods) c.add(num(Results.orNaN(r.prior().get(m))));
            for (String s : Results.SPLITS) for (String m : mods) c.add(num(Results.orNaN(r.weightMean(s).get(m))));
            rows.add(c.toArray(String[]::new));
        }
        return new CsvFile(h, rows).text();
    }

    private static String num(double v) {
        return CsvFile.format("%.6f", v);
    }
}
