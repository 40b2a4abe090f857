package org.iibalance.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iibalance.run.CsvFile;
import org.iibalance.run.Results;
import org.iibalance.run.RunSummary;

/** Table I, Table II and the per-run numbers as Markdown and CSV (CSV through {@link CsvFile}). */
final class ReportTables {
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("joint", "Joint training"), Map.entry("mslr", "MSLR"),
            Map.entry("g-blending", "G-Blending"), Map.entry("ogm-ge", "OGM-GE"), Map.entry("greedy", "Greedy"), Map.entry("pmr", "PMR"),
            Map.entry("agm", "AGM"), Map.entry("mmpareto", "MMPareto"), Map.entry("ggdm", "GGDM"), Map.entry("iibalance", "IIBalance"),
            Map.entry("iibalance-uniform-prior", "w/o IIB prior"), Map.entry("iibalance-no-stage1", "w/o Stage I (PRA)"),
            Map.entry("iibalance-no-stage2", "w/o Stage II (fusion)"));
    private static final List<String> STAT_HEADER = List.of("dataset", "method", "metric", "mean", "std", "n");

    private final ReportStatistics stats;

    ReportTables(ReportStatistics stats) {
        this.stats = stats;
    }

    static String label(String method) {
        return LABELS.getOrDefault(method, method);
    }

    private static String pct(Stat s) {
        if (s.n() == 0) return "-";
        return String.format(Locale.ROOT, "%.2f \u00b1 %.2f", 100 * s.mean(), 100 * s.std());
    }

    /** Ranks of the column's means: rank 1 best (bold), 2 second (underlined). */
    private static Map<String, Integer> ranks(Map<String, Stat> col) {
        List<Double> distinct = col.values().stream().filter(s -> s.n() > 0).map(Stat::mean).distinct().sorted(Comparator.reverseOrder()).toList();
        Map<String, Integer> r = new LinkedHashMap<>();
        for (Map.Entry<String, Stat> e : col.entrySet()) {
            int i = e.getValue().n() > 0 ? distinct.indexOf(e.getValue().mean()) : -1;
            r.put(e.getKey(), i + 1);
        }
        return r;
    }

    private static String mark(String cell, int rank) {
        return rank == 1 ? "**" + cell + "**" : rank == 2 ? "<u>" + cell + "</u>" : cell;
    }

    /** Table I as Markdown: per dataset Acc_m, each modality, Avg (test, %, mean ± std over seeds). */
    String tableOneMarkdown() {
        List<String> ds = stats.datasets();
        List<String> methods = stats.tableOneMethods();
        List<Metric> metrics = stats.metrics();
        StringBuilder b = new StringBuilder("| Method |");
        StringBuilder sep = new StringBuilder("|---|");
        for (String d : ds) {
            for (Metric m : metrics) {
                b.append(' ').append(d).append(' ').append(m.label()).append(" |");
                sep.append("---:|");
            }
            b.append(" n |");
            sep.append("---:|");
        }
        b.append('\n').append(sep).append('\n');
        Map<String, Map<String, Integer>> rankByColumn = new LinkedHashMap<>();
        for (String d : ds) {
            for (Metric m : metrics) {
                Map<String, Stat> col = new LinkedHashMap<>();
                for (String me : methods) col.put(me, stats.stat(d, me, m));
                rankByColumn.put(d + "/" + m.id(), ranks(col));
            }
        }
        for (String me : methods) {
            b.append("| ").append(label(me)).append(" |");
            for (String d : ds) {
                for (Metric m : metrics) b.append(' ').append(mark(pct(stats.stat(d, me, m)), rankByColumn.get(d + "/" + m.id()).get(me))).append(" |");
                b.append(' ').append(stats.tableRuns(d, me).size()).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String[] statRow(String d, String me, Metric m, Stat s) {
        return new String[] {d, me, m.id(), String.format(Locale.ROOT, "%.6f", s.mean()), String.format(Locale.ROOT, "%.6f", s.std()), Integer.toString(s.n())};
    }

    /** Table I as CSV (fractions, not %). */
    String tableOneCsv() {
        List<String[]> rows = new ArrayList<>();
        for (String d : stats.datasets()) {
            for (String me : stats.tableOneMethods()) for (Metric m : stats.metrics()) rows.add(statRow(d, me, m, stats.stat(d, me, m)));
        }
        return new CsvFile(STAT_HEADER, rows).text();
    }

    /** Table II: Acc_m of IIBalance and its ablations per dataset. */
    String tableTwoMarkdown() {
        List<String> ds = stats.datasets();
        StringBuilder b = new StringBuilder("| Method |");
        StringBuilder sep = new StringBuilder("|---|");
        for (String d : ds) {
            b.append(' ').append(d).append(" Acc_m |");
            sep.append("---:|");
        }
        b.append('\n').append(sep).append('\n');
        List<String> methods = stats.tableTwoMethods();
        Map<String, Map<String, Integer>> rk = new LinkedHashMap<>();
        for (String d : ds) {
            Map<String, Stat> col = new LinkedHashMap<>();
            for (String me : methods) col.put(me, stats.stat(d, me, Metric.ACC_M));
            rk.put(d, ranks(col));
        }
        for (String me : methods) {
            b.append("| ").append(label(me)).append(" |");
            for (String d : ds) b.append(' ').append(mark(pct(stats.stat(d, me, Metric.ACC_M)), rk.get(d).get(me))).append(" |");
            b.append('\n');
        }
        return b.toString();
    }

    String tableTwoCsv() {
        List<String[]> rows = new ArrayList<>();
        for (String d : stats.datasets()) for (String me : stats.tableTwoMethods()) rows.add(statRow(d, me, Metric.ACC_M, stats.stat(d, me, Metric.ACC_M)));
        return new CsvFile(STAT_HEADER, rows).text();
    }

    /** Every number used: one row per completed run. */
    String numbersCsv() {
        List<String> mods = stats.modalities();
        List<Metric> metrics = stats.metrics();
        List<String> h = new ArrayList<>(List.of("run", "dataset", "method", "seed", "sensitivity", "tau", "gamma"));
        for (Metric m : metrics) h.add("test_" + m.id());
        h.add("val_accM");
        h.add("trainSeconds");
        for (String m : mods) h.add("beta_" + m);
        for (String s : Results.SPLITS) for (String m : mods) h.add("weight_" + s + "_" + m);
        List<String[]> rows = new ArrayList<>();
        for (RunSummary run : stats.runs()) {
            Results r = run.results();
            List<String> c = new ArrayList<>(List.of(run.dir().toString(), r.dataset(), r.method(), String.valueOf(r.seed()), Boolean.toString(run.sensitivity()),
                    num(ReportRuns.tau(run)), num(ReportRuns.gamma(run))));
            for (Metric m : metrics) c.add(num(m.of(r)));
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
