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
 * skipped; {@link ReportStatistics} groups them (mean and sample standard deviation, n - 1, 0 for one
 * run, over seeds); {@link ReportTables} and {@link ReportFigures} write them. All accuracies are
 * test-split figures of the epoch each run selected on validation; the report selects nothing itself.
 */
public final class MatrixReport {
    private final ReportRuns runs;
    private final ReportStatistics stats;
    private final ReportTables tables;
    private final ReportFigures figures;

    private MatrixReport(ReportRuns runs) {
        this.runs = runs;
        this.stats = new ReportStatistics(runs.runs());
        this.tables = new ReportTables(stats);
        this.figures = new ReportFigures(stats);
    }

    /** Reads every run folder under the roots. */
    public static MatrixReport read(List<Path> roots) {
        return new MatrixReport(ReportRuns.read(roots));
    }

    /** The completed runs used. */
    public List<RunSummary> runs() {
        return runs.runs();
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

    /** Mean and std over seeds of a Table I figure, by its id ({@code accM}, {@code accA}, ..., {@code accAvg}). */
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

    /** Writes report.md, table1.md/.csv, table2.md/.csv, numbers.csv, skipped.txt and the figures; returns the files written. */
    public List<Path> write(Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>(skipped());
        StringBuilder md = new StringBuilder("# Results report\n\n");
        md.append(String.format(Locale.ROOT, "%d completed runs read, %d folders skipped (see below). Test-split accuracies (%%) of the epoch each run selected on "
                + "validation; mean \u00b1 sample std over seeds; **best**, <u>second</u>.%n%n", runs().size(), skipped.size()));
        md.append("## Table I\n\n").append(tableOneMarkdown()).append('\n');
        md.append("Per-modality accuracies are measured as each method defines its unimodal outputs (`test.unimodalProtocol` in each run's results):\n\n");
        Map<String, String> protocols = new TreeMap<>();
        for (RunSummary r : runs()) if (r.results().test().unimodalProtocol() != null) protocols.putIfAbsent(r.results().method(), r.results().test().unimodalProtocol());
        for (Map.Entry<String, String> e : protocols.entrySet()) md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        md.append('\n');
        md.append("## Table II (ablations, Acc_m)\n\n").append(tableTwoMarkdown()).append('\n');
        files.add(write(out.resolve("table1.md"), tableOneMarkdown()));
        files.add(write(out.resolve("table1.csv"), tableOneCsv()));
        files.add(write(out.resolve("table2.md"), tableTwoMarkdown()));
        files.add(write(out.resolve("table2.csv"), tableTwoCsv()));
        files.add(write(out.resolve("numbers.csv"), numbersCsv()));
        md.append("## Fig. 3: IIB prior against averaged fusion weights\n\n");
        md.append(figures.budgetFigures(out, files));
        md.append("## Fig. 4: sensitivity of Acc_m to tau and gamma\n\nTest Acc_m, mean \u00b1 std over the runs at each value; the marked value is the best by "
                + "mean validation Acc_m.\n\n");
        md.append(figures.sensitivityFigures(out, files));
        StringBuilder sk = new StringBuilder();
        for (Map.Entry<String, String> e : skipped.entrySet()) sk.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        files.add(write(out.resolve("skipped.txt"), sk.toString()));
        md.append("## Skipped folders\n\n");
        if (skipped.isEmpty()) md.append("none\n");
        for (Map.Entry<String, String> e : skipped.entrySet()) md.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append('\n');
        files.add(write(out.resolve("report.md"), md.toString()));
        return files;
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
