package org.iibalance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iibalance.experiment.RobustnessRunner;
import org.iibalance.report.RobustnessFigures;
import org.iibalance.run.RobustnessTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code robustness --runs DIR... --out DIR [--parallel N] [--corrupt SPEC]...}. */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = "Evaluate completed runs clean and under each corruption and severity: robustness.csv and figures (PNG, SVG); resumable.")
final class RobustnessCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "DIR", required = true, arity = "1..*", description = "run folders, or folders holding them (searched recursively)")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where robustness.csv and the figures go (rows already there are skipped)")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "runs evaluated at once (default 1)")
    int parallel;

    @Option(names = "--corrupt", paramLabel = "SPEC", description = "corruptions to evaluate instead of the default grid (repeatable)")
    List<String> corrupt = new ArrayList<>();

    @Option(names = "--corruption-seed", paramLabel = "N", defaultValue = "0", description = "seed of the corruptions' randomness (default 0)")
    long seed;

    @Override
    public Integer call() throws Exception {
        RobustnessRunner r = new RobustnessRunner(runs, out, parallel);
        try {
            r.optCorruptions(corrupt).optSeed(seed);
        } catch (IllegalArgumentException e) {
            System.err.println("--corrupt: " + e.getMessage());
            return 2;
        }
        r.optProgress(p -> System.out.printf(Locale.ROOT, "[%d/%d] %s  ETA %s%n", p.done(), p.total(), p.line(),
                Double.isNaN(p.eta()) ? "?" : String.format(Locale.ROOT, "%.0fs", p.eta())));
        RobustnessTable t = r.run();
        r.skipped().forEach((dir, why) -> System.out.println("  skipped " + dir + ": " + why));
        if (t.rows().isEmpty()) {
            System.err.println("no completed run evaluated under " + runs);
            return 1;
        }
        List<Path> files = RobustnessFigures.write(t, out);
        System.out.println(t.rows().size() + " rows in " + RobustnessTable.file(out) + "; " + files.size() + " figure files written to " + out);
        return 0;
    }
}
