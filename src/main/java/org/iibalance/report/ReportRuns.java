package org.iibalance.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iibalance.run.RunScan;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;

/**
 * The scanning part of the report: every run folder under the roots (found by structure, see
 * {@link RunScan}); completed runs are kept, every other folder is listed with the reason it was
 * skipped.
 *
 * @param runs    the completed runs, in path order
 * @param skipped folder to reason, for every folder not used
 */
record ReportRuns(List<RunSummary> runs, Map<String, String> skipped) {

    static ReportRuns read(List<Path> roots) {
        RunScan scan = RunScan.of(roots);
        Map<String, String> skipped = new TreeMap<>(scan.problems());
        scan.partial().forEach((d, why) -> skipped.put(d.toString(), why));
        List<RunSummary> runs = new ArrayList<>();
        for (Path d : scan.runs()) {
            RunSummary s;
            try {
                s = RunSummary.open(d);
            } catch (IOException e) {
                skipped.put(d.toString(), "unreadable: " + e.getMessage());
                continue;
            }
            if (s.state().state() != RunState.COMPLETED) {
                String why = s.state().reason();
                skipped.put(d.toString(), "state " + s.state().state().label() + (why == null ? "" : ": " + why));
            } else {
                runs.add(s);
            }
        }
        return new ReportRuns(List.copyOf(runs), java.util.Collections.unmodifiableMap(skipped));
    }

    /** method.tau of a run (NaN when its configuration could not be read). */
    static double tau(RunSummary r) {
        return r.config() == null ? Double.NaN : r.config().method().tau();
    }

    /** method.gamma of a run (NaN when its configuration could not be read). */
    static double gamma(RunSummary r) {
        return r.config() == null ? Double.NaN : r.config().method().gamma();
    }
}
