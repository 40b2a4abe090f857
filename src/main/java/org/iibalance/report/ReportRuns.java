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
 * @param runs     the completed runs, in path order, with their configuration identity and per-class figures
 * @param skipped  folder to reason, for every folder not used
 * @param problems files of used runs that could not be read (a run without a readable {@code gating.csv}
 *                 has no macro-F1 and no confusion matrix), one line each
 */
record ReportRuns(List<ReportRun> runs, Map<String, String> skipped, List<String> problems) {

    static ReportRuns read(List<Path> roots) {
        return read(roots, true);
    }

    /**
     * As {@link #read(List)}; with {@code perClass} false no {@code gating.csv} is opened (its rows are
     * test clips: a selection report must not read them) and every run's per-class figures are null.
     */
    static ReportRuns read(List<Path> roots, boolean perClass) {
        RunScan scan = RunScan.of(roots);
        Map<String, String> skipped = new TreeMap<>(scan.problems());
        scan.partial().forEach((d, why) -> skipped.put(d.toString(), why));
        List<ReportRun> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
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
                ClassFigures classes = null;
                if (perClass && s.hasGating()) {
                    try {
                        classes = ClassFigures.of(s.gating());
                    } catch (IOException | RuntimeException e) {
                        problems.add(d + ": gating table unreadable, so no macro-F1 or confusion matrix for this run: " + e.getMessage());
                    }
                }
                runs.add(new ReportRun(s, ConfigIdentity.of(s.config()), classes));
            }
        }
        return new ReportRuns(List.copyOf(runs), java.util.Collections.unmodifiableMap(skipped), List.copyOf(problems));
    }

    /** method.tau of a run (NaN when its configuration could not be read). */
    static double tau(RunSummary r) {
        return r.config() == null ? Double.NaN : r.config().method().tau();
    }

    /** method.gamma of a run (NaN when its configuration could not be read). */
    static double gamma(RunSummary r) {
        return r.config() == null ? Double.NaN : r.config().method().gamma();
    }

    /** Fig. 4's parameter of a run: {@code tau} or {@code gamma} (NaN when its configuration could not be read). */
    static double parameter(RunSummary r, String parameter) {
        return parameter.equals("tau") ? tau(r) : gamma(r);
    }
}
