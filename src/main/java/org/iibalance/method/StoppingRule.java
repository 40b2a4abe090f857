package org.iibalance.method;

/**
 * When a unimodal model has converged: it keeps the epoch of the lowest validation loss and stops
 * after {@code patience} epochs without a lower one, never before {@code minEpochs} epochs, at the
 * latest after {@code maxEpochs} (a generous cap: the patience rule should stop first, and
 * {@link #converged()} says whether it did). A non-finite validation loss stops it at once
 * ({@link #diverged()}).
 */
final class StoppingRule {
    private final int minEpochs;
    private final int maxEpochs;
    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int epochs;
    private int stale;
    private boolean diverged;

    StoppingRule(int minEpochs, int maxEpochs, int patience) {
        if (maxEpochs < 1 || patience < 1) throw new IllegalArgumentException("maxEpochs and patience must be >= 1");
        this.minEpochs = minEpochs;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
    }

    /** Records one epoch's validation loss; true when it is the lowest so far (keep these weights). */
    boolean record(double valLoss) {
        epochs++;
        if (!Double.isFinite(valLoss)) {
            diverged = true;
            return false;
        }
        if (valLoss < best) {
            best = valLoss;
            bestEpoch = epochs;
            stale = 0;
            return true;
        }
        stale++;
        return false;
    }

    /** Whether training stops after the epochs recorded so far. */
    boolean stop() {
        return epochs >= maxEpochs || diverged || converged();
    }

    /** Whether a validation loss was not finite (training stops at once; the best weights so far are kept). */
    boolean diverged() {
        return diverged;
    }

    /** Whether the patience rule (not the cap) ends training. */
    boolean converged() {
        return stale >= patience && epochs >= minEpochs;
    }

    /** 1-based epoch of the lowest validation loss (0 before any). */
    int bestEpoch() {
        return bestEpoch;
    }

    double bestLoss() {
        return best;
    }

    int epochs() {
        return epochs;
    }
}
