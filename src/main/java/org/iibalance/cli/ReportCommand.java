package org.iibalance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iibalance.report.MatrixReport;
import org.iibalance.report.SelectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report --runs DIR... --out DIR [--validation-only]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write Table I, Table II, Fig. 3 and Fig. 4 (Markdown, CSV, PNG, SVG) from completed run folders, searched recursively; with --validation-only, only a selection report on validation (no test figure).")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "DIR", required = true, arity = "1..*", description = "folders holding run folders (searched recursively)")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the report goes")
    Path out;

    @Option(names = "--validation-only", description = "write only a selection report (selection.md, selection.csv): validation Acc_m of each "
            + "configuration, the selected epoch per seed, the best row or the tie; no test figure is read, for choosing a setting blind to test")
    boolean validationOnly;

    @Override
    public Integer call() throws Exception {
        if (CtrlC.outputFolderIsAFile("--out", out, "the report") >= 0) return ExitCodes.REFUSED;
        if (validationOnly) return selection();
        MatrixReport r = MatrixReport.read(runs);
        if (r.runs().isEmpty()) return noRuns(r.skipped()); // nothing to tabulate: say so and write nothing
        List<Path> files = r.write(out);
        System.out.println(r.runs().size() + " completed runs read; " + r.skipped().size() + " folders skipped");
        printSkippedAndWarnings(r.skipped(), r.warnings());
        System.out.println();
        System.out.print(r.tableOneMarkdown());
        System.out.println();
        System.out.print(r.tableTwoMarkdown());
        System.out.println();
        System.out.print(r.commitsMarkdown());
        System.out.println();
        System.out.println(files.size() + " files written to " + out + " (report.md first)");
        return 0;
    }

    /** {@code --validation-only}: the selection report, with the same messages about skipped folders and warnings. */
    private int selection() throws java.io.IOException {
        SelectionReport r = SelectionReport.read(runs);
        if (r.runCount() == 0) return noRuns(r.skipped());
        List<Path> files = r.write(out);
        System.out.println(r.runCount() + " completed runs read; " + r.skipped().size() + " folders skipped; validation only: no test figure read");
        printSkippedAndWarnings(r.skipped(), r.warnings());
        System.out.println();
        System.out.print(r.markdown());
        System.out.println(files.size() + " files written to " + out + " (selection.md, selection.csv)");
        if (java.nio.file.Files.exists(out.resolve("report.md"))) {
            // not ours to delete, but the reader should not open it by mistake while choosing
            System.out.println("note: " + out + " also holds report.md (and its tables) from an earlier report without --validation-only; "
                    + "those files show test figures and were left untouched");
        }
        return 0;
    }

    /** No completed run under --runs: says so (and why each folder was skipped) on stderr, writes nothing; exit 1. */
    private int noRuns(Map<String, String> skipped) {
        System.err.println("no completed runs under " + runs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + (skipped.isEmpty() ? "" : " (" + skipped.size() + " folders skipped)") + "; nothing written to " + out);
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(skipped).entrySet()) System.err.println("  skipped " + e.getKey() + ": " + e.getValue());
        return 1;
    }

    /** The folders skipped (sorted) and the warnings, one line each. */
    private static void printSkippedAndWarnings(Map<String, String> skipped, List<String> warnings) {
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(skipped).entrySet()) System.out.println("  skipped " + e.getKey() + ": " + e.getValue());
        for (String w : warnings) System.out.println("  warning: " + w);
    }
}
