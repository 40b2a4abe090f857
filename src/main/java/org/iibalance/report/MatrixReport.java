package org.iibalance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.iibalance.config.ConfigIO;
import org.iibalance.run.RunSummary;

/**
 * Table I, Table II, Fig. 3 and Fig. 4 from run folders, in four parts: {@link ReportRuns} finds the
 * runs (by structure) and keeps the completed ones, listing every other folder with the reason it was
 * skipped; {@link ReportStatistics} groups them ({@link RunGroups}: same dataset, method and whole
 * configuration but the seed, one run per seed; mixed configurations and duplicate seeds are warned
 * about and never pooled) and computes mean, sample std, n and the 95% t-interval per cell, the paired
 * t-tests of IIBalance against each baseline and which best is clear; {@link ReportTables} and
 * {@link ReportFigures} write them. All accuracies are test-split figures of the epoch each run
 * selected on validation; the report selects nothing itself.
 */
public final class MatrixReport {
    private final ReportRuns runs;
    private final ReportStatistics stats;
    private final ReportTables tables;
    private final ReportFigures figures;

    private final List<Path> roots;

    private MatrixReport(ReportRuns runs, List<Path> roots) {
        this.runs = runs;
        this.roots = List.copyOf(roots);
        this.stats = new ReportStatistics(runs.runs());
        this.tables = new ReportTables(stats);
        this.figures = new ReportFigures(stats);
    }

    /** Reads every run folder under the roots. */
    public static MatrixReport read(List<Path> roots) {
        return new MatrixReport(ReportRuns.read(roots), roots);
    }

    /** The completed runs read (duplicates of a seed included; see {@link #warnings()}). */
    public List<RunSummary> runs() {
        return runs.runs().stream().map(ReportRun::summary).toList();
    }

    /**
     * What the reader must know about how the runs were grouped: duplicate seeds counted once, mixed
     * configurations of a dataset and method kept apart, unreadable configurations or gating tables.
     */
    public List<String> warnings() {
        List<String> w = new ArrayList<>(stats.groups().warnings());
        w.addAll(runs.problems());
        return w;
    }

    /** The configuration hashes of a dataset and method's table rows (one per configuration). */
    public List<String> configurations(String dataset, String method) {
        return stats.groups().table(dataset, method).stream().map(RunGroup::hash).toList();
    }

    /** The number of seeds counted in a row. */
    public int n(String dataset, String method, String config) {
        return group(dataset, method, config).n();
    }

    /** A figure of one row (dataset, method, configuration hash) by metric id ({@code accM}, ..., {@code macroF1}). */
    public Stat stat(String dataset, String method, String config, String metric) {
        return group(dataset, method, config).stat(stats.metric(metric));
    }

    private RunGroup group(String dataset, String method, String config) {
        return stats.groups().table(dataset, method).stream().filter(g -> g.hash().equals(config)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + dataset + " / " + method + " [" + config + "]"));
    }

    /**
     * The paired tests of a dataset on Acc_m: per baseline row, {pairs, mean difference, interval low,
     * interval high, p}; keyed "method [hash]".
     */
    public Map<String, double[]> paired(String dataset) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (PairedComparison p : stats.paired(dataset)) {
            Stat d = p.difference();
            out.put(p.baseline().method() + " [" + p.baseline().hash() + "]", new double[] {p.seeds().size(), d.mean(), d.lower(), d.upper(), p.p()});
        }
        return out;
    }

    /** Macro-F1 of each row's pooled test clips is in the tables; this is the per-class data of a row (null without gating tables). */
    public ClassFigures classes(String dataset, String method, String config) {
        return group(dataset, method, config).classes();
    }

    /** Folder to reason, for every folder not used. */
    public Map<String, String> skipped() {
        return runs.skipped();
    }

    public List<String> datasets() {
        return stats.datasets();
    }

    /** Table I's figures for these runs: Acc_m, one per modality, Avg. */
    public List<Metric> metrics() {
        return stats.metrics();
    }

    /**
     * Mean and std over seeds of a Table I figure, by its id ({@code accM}, {@code accA}, ..., {@code accAvg}, {@code macroF1}),
     * for a dataset and method run with one configuration.
     *
     * @throws IllegalStateException when it was run with several (they are not pooled; use {@link #stat(String, String, String, String)})
     */
    public Stat stat(String dataset, String method, String metric) {
        return stats.stat(dataset, method, stats.metric(metric));
    }

    /** Methods of Table I present in the runs, in the paper's order. */
    public List<String> tableOneMethods() {
        return stats.tableOneMethods();
    }

    public List<String> tableTwoMethods() {
        return stats.tableTwoMethods();
    }

    public String tableOneMarkdown() {
        return tables.tableOneMarkdown();
    }

    public String tableOneCsv() {
        return tables.tableOneCsv();
    }

    public String tableTwoMarkdown() {
        return tables.tableTwoMarkdown();
    }

    public String tableTwoCsv() {
        return tables.tableTwoCsv();
    }

    public String numbersCsv() {
        return tables.numbersCsv();
    }

    /** Fig. 3 data of a dataset (null when no IIBalance run has a budget). */
    public BudgetFigure budgetFigure(String dataset) {
        return stats.budgetFigure(dataset);
    }

    /** Fig. 4 points of a dataset for "tau" or "gamma": {x, mean test Acc_m, std, n, mean validation Acc_m}. */
    public List<double[]> sensitivity(String dataset, String parameter) {
        return stats.sensitivity(dataset, parameter);
    }

    /**
     * The commit of each group of runs (dataset, method; sensitivity runs apart): the workbench
     * commits their provenance records, "not recorded" for runs written before provenance existed or
     * built outside a git checkout.
     */
    public Map<String, java.util.SortedSet<String>> commits() {
        Map<String, java.util.SortedSet<String>> out = new TreeMap<>();
        for (RunSummary r : runs()) {
            String group = r.results().dataset() + " / " + r.results().method() + (r.sensitivity() ? " (sensitivity)" : "");
            org.iibalance.run.Provenance p = r.results().provenance();
            String c = p == null || p.gitCommit() == null ? "not recorded" : p.gitCommit();
            out.computeIfAbsent(group, k -> new java.util.TreeSet<>()).add(c);
        }
        return out;
    }

    /** {@link #commits()} as a Markdown table (a group built from several commits lists them all). */
    public String commitsMarkdown() {
        StringBuilder b = new StringBuilder("| Dataset / method | Workbench commit |\n|---|---|\n");
        for (Map.Entry<String, java.util.SortedSet<String>> e : commits().entrySet()) {
            b.append("| ").append(e.getKey()).append(" | ").append(String.join(", ", e.getValue())).append(e.getValue().size() > 1 ? " (mixed)" : "")
                    .append(" |\n");
        }
        return b.toString();
    }

    /** Writes report.md, table1.md/.csv, table2.md/.csv, paired.csv, numbers.csv, warnings.txt, skipped.txt, the figures, the confusion matrices and per-class files; returns the files written. */
    public List<Path> write(Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>(skipped());
        StringBuilder md = new StringBuilder("# Results report\n\n");
        List<String> warnings = warnings();
        md.append(String.format(Locale.ROOT, "%d completed runs read, %d folders skipped, %d warnings (see below). Test-split figures (%%) of the epoch each run "
                + "selected on validation. A row is one configuration (`config`: a hash of the whole resolved configuration minus the seed, paths, device "
                + "and threads); runs are pooled over seeds only within a row, one run per seed. A cell is mean \u00b1 sample std [95%% Student-t interval] "
                + "over the row's n seeds, or \"(n=1)\" for a single run. Macro-F1 is the unweighted mean of the per-class F1 of the fused prediction "
                + "(from gating.csv). The last row names the best of a column in bold only when its interval lies above every other row's; otherwise it "
                + "says \"tie\".%n%n", runs().size(), skipped.size(), warnings.size()));
        md.append("## Warnings\n\n");
        if (warnings.isEmpty()) md.append("none\n");
        for (String w : warnings) md.append("- ").append(w).append('\n');
        md.append('\n');
        md.append("## Table I\n\n").append(tableOneMarkdown()).append('\n');
        md.append("Per-modality accuracies are measured as each method defines its unimodal outputs (`test.unimodalProtocol` in each run's results):\n\n");
        Map<String, String> protocols = new TreeMap<>();
        for (RunSummary r : runs()) if (r.results().test().unimodalProtocol() != null) protocols.putIfAbsent(r.results().method(), r.results().test().unimodalProtocol());
        for (Map.Entry<String, String> e : protocols.entrySet()) md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        md.append('\n');
        md.append("## Paired tests: IIBalance against each baseline\n\nOver the seeds both ran (a seed fixes the split and the initialisation): the mean "
                + "of d = Acc_m(IIBalance) - Acc_m(baseline) in percentage points, its 95% t-interval, and the two-sided p of the paired t-test.\n\n");
        boolean anyPaired = false;
        for (String d : datasets()) {
            String t = tables.pairedMarkdown(d);
            if (t.isEmpty()) continue;
            anyPaired = true;
            md.append("### ").append(d).append("\n\n").append(t).append('\n');
        }
        if (!anyPaired) md.append("no dataset has both IIBalance and a baseline\n\n");
        md.append("## Table II (ablations)\n\n").append(tableTwoMarkdown()).append('\n');
        files.add(write(out.resolve("table1.md"), tableOneMarkdown()));
        files.add(write(out.resolve("table1.csv"), tableOneCsv()));
        files.add(write(out.resolve("table2.md"), tableTwoMarkdown()));
        files.add(write(out.resolve("table2.csv"), tableTwoCsv()));
        files.add(write(out.resolve("numbers.csv"), numbersCsv()));
        files.add(write(out.resolve("paired.csv"), tables.pairedCsv()));
        files.add(write(out.resolve("warnings.txt"), warnings.isEmpty() ? "" : String.join("\n", warnings) + "\n"));
        String budgets = tables.budgetMarkdown();
        if (!budgets.isEmpty()) {
            md.append("## Budgets: B_m and beta_m over seeds (Eq. 1-2)\n\nMean \u00b1 sample std over each row's seeds.\n\n").append(budgets);
        }
        md.append("## Fig. 3: IIB prior against averaged fusion weights\n\n");
        md.append(figures.budgetFigures(out, files));
        md.append("## Fig. 4: sensitivity of Acc_m to tau and gamma\n\nTest Acc_m, mean \u00b1 std over the runs at each value; the marked value is the best by "
                + "mean validation Acc_m.\n\n");
        md.append(figures.sensitivityFigures(out, files));
        md.append("## Per class: confusion matrices, Acc_m and mean fusion weights\n\nPooled over each row's runs; rows of the matrix are the true class, "
                + "columns the predicted class. The mean fusion weight per class shows where the gate routes each class.\n\n");
        md.append(figures.classFigures(out, files));
        md.append(robustness(out, files));
        md.append("## Provenance: the commit of each group\n\n").append(commitsMarkdown()).append('\n');
        StringBuilder sk = new StringBuilder();
        for (Map.Entry<String, String> e : skipped.entrySet()) sk.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        files.add(write(out.resolve("skipped.txt"), sk.toString()));
        md.append("## Skipped folders\n\n");
        if (skipped.isEmpty()) md.append("none\n");
        for (Map.Entry<String, String> e : skipped.entrySet()) md.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append('\n');
        files.add(write(out.resolve("report.md"), md.toString()));
        return files;
    }

    /** The robustness results found under the roots (each robustness.csv), when there are any. */
    private String robustness(Path out, List<Path> files) throws IOException {
        StringBuilder md = new StringBuilder();
        List<Path> found = org.iibalance.run.RobustnessTable.find(roots);
        for (int i = 0; i < found.size(); i++) {
            md.append("## Robustness (").append(found.get(i)).append(")\n\n");
            md.append(RobustnessFigures.section(org.iibalance.run.RobustnessTable.read(found.get(i)), out, files, found.size() == 1 ? "" : (i + 1) + "-"));
        }
        return md.toString();
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
