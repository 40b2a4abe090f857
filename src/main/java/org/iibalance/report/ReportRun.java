package org.iibalance.report;

import org.iibalance.run.Results;
import org.iibalance.run.RunSummary;

/**
 * A completed run as the report uses it: its summary, its configuration identity (what it may be
 * pooled with) and its per-class test figures from {@code gating.csv} (null when the run has none).
 *
 * @param summary  the run folder read back
 * @param identity its configuration minus the seed and what does not change the result
 * @param classes  its confusion matrix and per-class weights, or null
 */
record ReportRun(RunSummary summary, ConfigIdentity identity, ClassFigures classes) {

    Results results() {
        return summary.results();
    }

    String dataset() {
        return summary.results().dataset();
    }

    String method() {
        return summary.results().method();
    }

    /** The seed (from results, else the configuration; -1 when neither has it). */
    long seed() {
        Long s = summary.results().seed();
        if (s != null) return s;
        return summary.config() != null ? summary.config().seed() : -1;
    }

    /** Macro-F1 of the fused prediction on test, NaN without {@code gating.csv}. */
    double macroF1() {
        return classes == null ? Double.NaN : classes.macroF1();
    }

    /** A figure of Table I for this run. */
    double value(Metric m) {
        return m.equals(Metric.MACRO_F1) ? macroF1() : m.of(results());
    }
}
