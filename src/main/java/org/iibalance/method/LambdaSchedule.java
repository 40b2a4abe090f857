package org.iibalance.method;

/**
 * The curriculum between the two stages (Sec. IV-D): lambda(t) = lambda_start (1 - t / T) (Eq. 12),
 * with t the 0-based epoch and T the number of epochs, and the overall objective
 * L = lambda(t) L_I + (1 - lambda(t)) L_II (Eq. 13).
 */
public record LambdaSchedule(double lambdaStart, int totalEpochs) {
    public LambdaSchedule {
        if (lambdaStart < 0 || lambdaStart > 1) throw new IllegalArgumentException("lambda_start must be in [0, 1]");
        if (totalEpochs < 1) throw new IllegalArgumentException("T must be >= 1");
    }

    /** Eq. 12 at epoch t (0-based); t may be fractional (for drawing the schedule). */
    public double at(double t) {
        return lambdaStart * (1.0 - t / totalEpochs);
    }
}
