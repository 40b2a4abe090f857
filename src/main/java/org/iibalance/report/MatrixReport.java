package org.iibalance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.RunFolder;
import org.iibalance.experiment.RunResults;
import org.iibalance.experiment.RunState;
import org.jfree.chart.JFreeChart;

/**
 * Table I, Table II, Fig. 3 and Fig. 4 from run folders (searched recursively for
 * {@code results.json}). Only completed runs ({@code state.json}) are read; every other folder is
 * listed with the reason it was skipped. All accuracies are test-split figures of the epoch each run
 * selected on validation; the report selects nothing itself. Mean and sample standard deviation
 * (n - 1; 0 for one run) over seeds.
 */
public final class MatrixReport {
    /** Table I rows, in the paper's order; other non-ablation methods follow alphabetically. */
    public static final List<String> TABLE_ONE_ORDER = List.of("joint", "mslr", "g-blending", "ogm-ge", "greedy", "pmr", "agm", "mmpareto", "ggdm", "iibalance");
    /** Table II rows. */
    public static final List<String> TABLE_TWO_ORDER = List.of("iibalance", "iibalance-uniform-prior", "iibalance-no-stage1", "iibalance-no-stage2");
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("joint", "Joint training"), Map.entry("mslr", "MSLR"),
            Map.entry("g-blending", "G-Blending"), Map.entry("ogm-ge", "OGM-GE"), Map.entry("greedy", "Greedy"), Map.entry("pmr", "PMR"),
            Map.entry("agm", "AGM"), Map.entry("mmpareto", "MMPareto"), Map.entry("ggdm", "GGDM"), Map.entry("iibalance", "IIBalance"),
            Map.entry("iibalance-uniform-prior", "w/o IIB prior"), Map.entry("iibalance-no-stage1", "w/o Stage I (PRA)"),
            Map.entry("iibalance-no-stage2", "w/o Stage II (fusion)"));
    public static final String[] METRICS = {"accM", "accA", "accV", "accAvg"};
    private static final String[] METRIC_LABELS = {"Acc_m", "Acc_a", "Acc_v", "Avg"};

    /** Mean and standard deviation of n values. */
    public record Stat(double mean, double std, int n) {
        public static Stat of(List<Double> xs) {
            List<Double> v = xs.stream().filter(x -> !Double.isNaN(x)).toList();
            if (v.isEmpty()) return new Stat(Double.NaN, Double.NaN, 0);
            double m = 0;
            for (double x : v) m += x;
            m /= v.size();
            double ss = 0;
            for (double x : v) ss += (x - m) * (x - m);
            return new Stat(m, v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0, v.size());
        }
    }

    private final List<RunRecord> runs = new ArrayList<>();
    private final Map<String, String> skipped = new TreeMap<>();

    private MatrixReport() {}

    /** Reads every run folder under the roots. */
    public static MatrixReport read(List<Path> roots) throws IOException {
        MatrixReport r = new MatrixReport();
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                r.skipped.put(root.toString(), "not a directory");
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                // a run folder holds results.json (finished) or config.yaml (stopped, failed); checkpoint
                // folders hold a state.json of their own and are not runs
                s.filter(p -> p.getFileName().toString().equals(RunFolder.RESULTS) || p.getFileName().toString().equals(RunFolder.CONFIG))
                        .map(Path::getParent).filter(d -> !d.toString().contains("checkpoints")).sorted().forEach(dirs::add);
            }
        }
        for (Path d : dirs) r.readRun(d);
        return r;
    }

    private void readRun(Path d) {
        RunState st = RunFolder.readState(d);
        if (!Files.exists(d.resolve(RunFolder.STATE))) {
            skipped.put(d.toString(), "no state.json: not a finished run");
            return;
        }
        if (st != RunState.COMPLETED) {
            String why = RunFolder.readReason(d);
            skipped.put(d.toString(), "state " + st.label() + (why == null ? "" : ": " + why));
            return;
        }
        RunResults res;
        try {
            res = RunResults.read(d.resolve(RunFolder.RESULTS));
        } catch (IOException e) {
            skipped.put(d.toString(), "completed but results.json unreadable: " + e.getMessage());
            return;
        }
        double tau = Double.NaN, gamma = Double.NaN;
        try {
            ExperimentConfig c = ConfigIO.load(d.resolve(RunFolder.CONFIG), List.of());
            tau = c.method().tau();
            gamma = c.method().gamma();
        } catch (Exception e) {
            // Fig. 4 needs tau/gamma: the run still counts in the tables
        }
        Map<String, Double> beta = new LinkedHashMap<>();
        Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : res.asMap().entrySet()) {
            String k = e.getKey();
            if (!(e.getValue() instanceof Number n)) continue;
            if (k.startsWith("budget.beta.")) beta.put(k.substring(12), n.doubleValue());
            if (k.startsWith("fusionWeightMeanBySplit.")) {
                String[] parts = k.split("\\.", 3);
                weights.computeIfAbsent(parts[1], x -> new LinkedHashMap<>()).put(parts[2], n.doubleValue());
            }
        }
        String name = res.text("name");
        runs.add(new RunRecord(d.toString(), res.text("dataset"), res.text("method"), (long) res.number("seed"),
                name != null && name.endsWith("-sens"), res.number("test.accMultimodal"), res.number("test.accAudio"), res.number("test.accVisual"),
                res.number("test.accAvg"), res.number("val.accMultimodal"), tau, gamma, res.number("trainSeconds"), beta, weights,
                res.text("test.unimodalProtocol")));
    }

    public List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    /** Folder to reason, for every folder not used. */
    public Map<String, String> skipped() {
        return Map.copyOf(skipped);
    }

    public List<String> datasets() {
        return runs.stream().map(RunRecord::dataset).distinct().sorted().toList();
    }

    private static double metric(RunRecord r, String m) {
        return switch (m) {
            case "accM" -> r.accM();
            case "accA" -> r.accA();
            case "accV" -> r.accV();
            case "accAvg" -> r.accAvg();
            default -> throw new IllegalArgumentException(m);
        };
    }

    /** Table runs (not sweep runs) of a dataset and method. */
    public List<RunRecord> tableRuns(String dataset, String method) {
        return runs.stream().filter(r -> !r.sensitivity() && r.dataset().equals(dataset) && r.method().equals(method)).toList();
    }

    /** Mean and std over seeds of a Table I metric ({@link #METRICS}). */
    public Stat stat(String dataset, String method, String metric) {
        return Stat.of(tableRuns(dataset, method).stream().map(r -> metric(r, metric)).toList());
    }

    /** Methods of Table I present in the runs, in the paper's order. */
    public List<String> tableOneMethods() {
        Set<String> present = new LinkedHashSet<>();
        runs.stream().filter(r -> !r.sensitivity()).map(RunRecord::method).sorted().forEach(present::add);
        List<String> out = new ArrayList<>();
        for (String m : TABLE_ONE_ORDER) if (present.contains(m)) out.add(m);
        for (String m : present) if (!out.contains(m) && !TABLE_TWO_ORDER.contains(m)) out.add(m);
        return out;
    }

    public List<String> tableTwoMethods() {
        Set<String> present = new LinkedHashSet<>();
        runs.stream().filter(r -> !r.sensitivity()).map(RunRecord::method).forEach(present::add);
        return TABLE_TWO_ORDER.stream().filter(present::contains).toList();
    }

    private static String label(String method) {
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

    /** Table I as Markdown: per dataset Acc_m, Acc_a, Acc_v, Avg (test, %, mean ± std over seeds). */
    public String tableOneMarkdown() {
        List<String> ds = datasets();
        List<String> methods = tableOneMethods();
        StringBuilder b = new StringBuilder("| Method |");
        StringBuilder sep = new StringBuilder("|---|");
        for (String d : ds) {
            for (String l : METRIC_LABELS) {
                b.append(' ').append(d).append(' ').append(l).append(" |");
                sep.append("---:|");
            }
            b.append(" n |");
            sep.append("---:|");
        }
        b.append('\n').append(sep).append('\n');
        Map<String, Map<String, Integer>> rankByColumn = new LinkedHashMap<>();
        for (String d : ds) {
            for (String m : METRICS) {
                Map<String, Stat> col = new LinkedHashMap<>();
                for (String me : methods) col.put(me, stat(d, me, m));
                rankByColumn.put(d + "/" + m, ranks(col));
            }
        }
        for (String me : methods) {
            b.append("| ").append(label(me)).append(" |");
            for (String d : ds) {
                for (String m : METRICS) b.append(' ').append(mark(pct(stat(d, me, m)), rankByColumn.get(d + "/" + m).get(me))).append(" |");
                b.append(' ').append(tableRuns(d, me).size()).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Table I as CSV (fractions, not %). */
    public String tableOneCsv() {
        StringBuilder b = new StringBuilder("dataset,method,metric,mean,std,n\n");
        for (String d : datasets()) {
            for (String me : tableOneMethods()) {
                for (String m : METRICS) {
                    Stat s = stat(d, me, m);
                    b.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%d%n", d, me, m, s.mean(), s.std(), s.n()));
                }
            }
        }
        return b.toString();
    }

    /** Table II: Acc_m of IIBalance and its ablations per dataset. */
    public String tableTwoMarkdown() {
        List<String> ds = datasets();
        StringBuilder b = new StringBuilder("| Method |");
        StringBuilder sep = new StringBuilder("|---|");
        for (String d : ds) {
            b.append(' ').append(d).append(" Acc_m |");
            sep.append("---:|");
        }
        b.append('\n').append(sep).append('\n');
        List<String> methods = tableTwoMethods();
        Map<String, Map<String, Integer>> rk = new LinkedHashMap<>();
        for (String d : ds) {
            Map<String, Stat> col = new LinkedHashMap<>();
            for (String me : methods) col.put(me, stat(d, me, "accM"));
            rk.put(d, ranks(col));
        }
        for (String me : methods) {
            b.append("| ").append(label(me)).append(" |");
            for (String d : ds) b.append(' ').append(mark(pct(stat(d, me, "accM")), rk.get(d).get(me))).append(" |");
            b.append('\n');
        }
        return b.toString();
    }

    public String tableTwoCsv() {
        StringBuilder b = new StringBuilder("dataset,method,metric,mean,std,n\n");
        for (String d : datasets()) {
            for (String me : tableTwoMethods()) {
                Stat s = stat(d, me, "accM");
                b.append(String.format(Locale.ROOT, "%s,%s,accM,%.6f,%.6f,%d%n", d, me, s.mean(), s.std(), s.n()));
            }
        }
        return b.toString();
    }

    /** Every number used: one row per completed run. */
    public String numbersCsv() {
        Set<String> mods = new LinkedHashSet<>();
        for (RunRecord r : runs) mods.addAll(r.beta().keySet());
        StringBuilder b = new StringBuilder("run,dataset,method,seed,sensitivity,tau,gamma,test_accM,test_accA,test_accV,test_accAvg,val_accM,trainSeconds");
        for (String m : mods) b.append(",beta_").append(m);
        for (String s : List.of("train", "val", "test")) for (String m : mods) b.append(",weight_").append(s).append('_').append(m);
        b.append('\n');
        for (RunRecord r : runs) {
            b.append('"').append(r.dir().replace("\"", "\"\"")).append('"');
            b.append(String.format(Locale.ROOT, ",%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s", r.dataset(), r.method(), r.seed(), r.sensitivity(), num(r.tau()),
                    num(r.gamma()), num(r.accM()), num(r.accA()), num(r.accV()), num(r.accAvg()), num(r.valAccM()), num(r.trainSeconds())));
            for (String m : mods) b.append(',').append(num(r.beta().getOrDefault(m, Double.NaN)));
            for (String s : List.of("train", "val", "test")) {
                for (String m : mods) b.append(',').append(num(r.weights().getOrDefault(s, Map.of()).getOrDefault(m, Double.NaN)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** Fig. 3 data of a dataset: modalities, mean prior, mean weights per split (null when no IIBalance run has a budget). */
    public record BudgetFigure(List<String> modalities, double[] prior, Map<String, double[]> weights, int runs) {}

    public BudgetFigure budgetFigure(String dataset) {
        List<RunRecord> rs = tableRuns(dataset, "iibalance").stream().filter(r -> !r.beta().isEmpty()).toList();
        if (rs.isEmpty()) return null;
        List<String> mods = new ArrayList<>(rs.get(0).beta().keySet());
        double[] prior = new double[mods.size()];
        Map<String, double[]> w = new LinkedHashMap<>();
        for (int m = 0; m < mods.size(); m++) {
            final int mm = m;
            prior[m] = Stat.of(rs.stream().map(r -> r.beta().getOrDefault(mods.get(mm), Double.NaN)).toList()).mean();
            for (String split : List.of("train", "val", "test")) {
                double v = Stat.of(rs.stream().map(r -> r.weights().getOrDefault(split, Map.of()).getOrDefault(mods.get(mm), Double.NaN)).toList()).mean();
                if (!Double.isNaN(v)) w.computeIfAbsent(split, x -> new double[mods.size()])[m] = v;
            }
        }
        return new BudgetFigure(mods, prior, w, rs.size());
    }

    /**
     * Fig. 4 points of a dataset for "tau" or "gamma": {x, mean test Acc_m, std, n, mean validation Acc_m} over IIBalance runs (table
     * and sweep) whose other parameter equals the table runs' value; empty when fewer than two values.
     */
    public List<double[]> sensitivity(String dataset, String parameter) {
        List<RunRecord> all = runs.stream().filter(r -> r.dataset().equals(dataset) && r.method().equals("iibalance")).toList();
        List<RunRecord> table = tableRuns(dataset, "iibalance");
        if (all.isEmpty()) return List.of();
        boolean tau = parameter.equals("tau");
        RunRecord ref = table.isEmpty() ? all.get(0) : table.get(0);
        double other = tau ? ref.gamma() : ref.tau();
        Map<Double, List<RunRecord>> byX = new TreeMap<>();
        for (RunRecord r : all) {
            double o = tau ? r.gamma() : r.tau();
            double x = tau ? r.tau() : r.gamma();
            if (Double.isNaN(x) || Math.abs(o - other) > 1e-12) continue;
            byX.computeIfAbsent(x, k -> new ArrayList<>()).add(r);
        }
        if (byX.size() < 2) return List.of();
        List<double[]> pts = new ArrayList<>();
        for (Map.Entry<Double, List<RunRecord>> e : byX.entrySet()) {
            Stat s = Stat.of(e.getValue().stream().map(RunRecord::accM).toList());
            Stat v = Stat.of(e.getValue().stream().map(RunRecord::valAccM).toList());
            pts.add(new double[] {e.getKey(), s.mean(), s.std(), s.n(), v.mean()});
        }
        return pts;
    }

    /** Writes report.md, table1.md/.csv, table2.md/.csv, numbers.csv, skipped.txt and the figures; returns the files written. */
    public List<Path> write(Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        StringBuilder md = new StringBuilder("# Results report\n\n");
        md.append(String.format(Locale.ROOT, "%d completed runs read, %d folders skipped (see below). Test-split accuracies (%%) of the epoch each run selected on "
                + "validation; mean \u00b1 sample std over seeds; **best**, <u>second</u>.%n%n", runs.size(), skipped.size()));
        md.append("## Table I\n\n").append(tableOneMarkdown()).append('\n');
        md.append("Acc_a / Acc_v are measured as each method defines its unimodal outputs (results.json `test.unimodalProtocol`):\n\n");
        Map<String, String> protocols = new TreeMap<>();
        for (RunRecord r : runs) if (r.unimodalProtocol() != null) protocols.putIfAbsent(r.method(), r.unimodalProtocol());
        for (Map.Entry<String, String> e : protocols.entrySet()) md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        md.append('\n');
        md.append("## Table II (ablations, Acc_m)\n\n").append(tableTwoMarkdown()).append('\n');
        files.add(write(out.resolve("table1.md"), tableOneMarkdown()));
        files.add(write(out.resolve("table1.csv"), tableOneCsv()));
        files.add(write(out.resolve("table2.md"), tableTwoMarkdown()));
        files.add(write(out.resolve("table2.csv"), tableTwoCsv()));
        files.add(write(out.resolve("numbers.csv"), numbersCsv()));
        md.append("## Fig. 3: IIB prior against averaged fusion weights\n\n");
        for (String d : datasets()) {
            BudgetFigure f = budgetFigure(d);
            if (f == null) {
                md.append("- ").append(d).append(": no completed iibalance run with a budget\n");
                continue;
            }
            JFreeChart c = Charts.budgetVersusWeights("IIB prior vs averaged fusion weights: " + d + " (" + f.runs() + " runs)", f.modalities(), f.prior(), f.weights());
            files.addAll(export(c, out, "fig3-" + d, 640, 420));
            md.append("![Fig. 3 ").append(d).append("](fig3-").append(d).append(".png)\n\n");
        }
        md.append("## Fig. 4: sensitivity of Acc_m to tau and gamma\n\nTest Acc_m, mean \u00b1 std over the runs at each value; the marked value is the best by "
                + "mean validation Acc_m.\n\n");
        for (String d : datasets()) {
            for (String p : List.of("tau", "gamma")) {
                List<double[]> pts = sensitivity(d, p);
                if (pts.isEmpty()) {
                    md.append("- ").append(d).append(", ").append(p).append(": fewer than two values among the completed iibalance runs\n");
                    continue;
                }
                // the marked value is the best on VALIDATION: the report selects nothing on test
                double[] best = pts.stream().max(Comparator.comparingDouble(x -> Double.isNaN(x[4]) ? Double.NEGATIVE_INFINITY : x[4])).orElseThrow();
                boolean logX = p.equals("tau") && pts.stream().allMatch(x -> x[0] > 0);
                JFreeChart c = Charts.sensitivity("Acc_m against " + p + ": " + d, p, pts, best[0], logX);
                files.addAll(export(c, out, "fig4-" + p + "-" + d, 640, 420));
                md.append("![Fig. 4 ").append(p).append(' ').append(d).append("](fig4-").append(p).append('-').append(d).append(".png)\n\n");
            }
        }
        StringBuilder sk = new StringBuilder();
        for (Map.Entry<String, String> e : skipped.entrySet()) sk.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        files.add(write(out.resolve("skipped.txt"), sk.toString()));
        md.append("## Skipped folders\n\n");
        if (skipped.isEmpty()) md.append("none\n");
        for (Map.Entry<String, String> e : skipped.entrySet()) md.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append('\n');
        files.add(write(out.resolve("report.md"), md.toString()));
        return files;
    }

    private static List<Path> export(JFreeChart c, Path out, String base, int w, int h) throws IOException {
        Path png = out.resolve(base + ".png");
        Path svg = out.resolve(base + ".svg");
        Charts.exportPng(c, png, w, h);
        Charts.exportSvg(c, svg, w, h);
        return List.of(png, svg);
    }

    private static Path write(Path file, String text) {
        try {
            ConfigIO.writeAtomically(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
