package org.iibalance.cli;

import java.util.Locale;

/**
 * "k of N" and an ETA for the trials of a sweep or a matrix: the wall time so far per trial trained in
 * this session (kept ones, completed in an earlier session, cost nothing; with several trials at
 * once this already accounts for the parallelism) times the trials left.
 */
final class TrialProgress {
    private final int total;
    private final long t0 = System.nanoTime();
    private int finished;
    private int trained;

    TrialProgress(int total) {
        this.total = total;
    }

    /** Counts one finished trial and returns the "[k/N]" prefix with the ETA of the rest. */
    synchronized String finished(boolean kept) {
        finished++;
        if (!kept) trained++;
        return String.format(Locale.ROOT, "[%d/%d, ETA %s]", finished, total, ConsoleProgress.eta(eta()));
    }

    /** The "[k/N]" prefix of a trial that starts (k = trials finished so far + 1). */
    synchronized String starting() {
        return String.format(Locale.ROOT, "[%d/%d]", Math.min(total, finished + 1), total);
    }

    synchronized double eta() {
        if (trained == 0) return Double.NaN;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        // trials overlap when several run at once, so wall time per trained trial already includes the parallelism
        return elapsed / trained * Math.max(0, total - finished);
    }
}
