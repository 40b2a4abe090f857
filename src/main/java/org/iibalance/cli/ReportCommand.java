package org.iibalance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iibalance.report.MatrixReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report --runs DIR... --out DIR}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write Table I, Table II, Fig. 3 and Fig. 4 (Markdown, CSV, PNG, SVG) from completed run folders, searched recursively.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "DIR", required = true, arity = "1..*", description = "folders holding run folders (searched recursively)")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the report goes")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (CtrlC.outputFolderIsAFile("--out", out, "the report") >= 0) return ExitCodes.REFUSED;
        MatrixReport r = MatrixReport.read(runs);
        if (r.runs().isEmpty()) {
            // nothing to tabulate: say so and write nothing (it used to write seven empty files)
            System.err.println("no completed runs under " + runs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + (r.skipped().isEmpty() ? "" : " (" + r.skipped().size() + " folders skipped)") + "; nothing written to " + out);
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.skipped()).entrySet()) System.err.println("  skipped " + e.getKey() + ": " + e.getValue());
            return 1;
        }
        List<Path> files = r.write(out);
        System.out.println(r.runs().size() + " completed runs read; " + r.skipped().size() + " folders skipped");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.skipped()).entrySet()) System.out.println("  skipped " + e.getKey() + ": " + e.getValue());
        for (String w : r.warnings()) System.out.println("  warning: " + w);
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
}
