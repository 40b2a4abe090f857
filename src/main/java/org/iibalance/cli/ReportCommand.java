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
        MatrixReport r = MatrixReport.read(runs);
        List<Path> files = r.write(out);
        System.out.println(r.runs().size() + " completed runs read; " + r.skipped().size() + " folders skipped");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.skipped()).entrySet()) System.out.println("  skipped " + e.getKey() + ": " + e.getValue());
        for (String w : r.warnings()) System.out.println("  warning: " + w);
        System.out.println();
        System.out.print(r.tableOneMarkdown());
        System.out.println();
        System.out.print(r.tableTwoMarkdown());
        System.out.println();
        System.out.println(files.size() + " files written to " + out + " (report.md first)");
        return r.runs().isEmpty() ? 1 : 0;
    }
}
