package org.iibalance.experiment;

/** Hears a sweep's trials start and end (from the trials' threads) and their training events. */
public interface SweepListener {
    default void trialStarted(SweepSpec.Trial trial) {}

    default void trialEvent(SweepSpec.Trial trial, TrainingEvent event) {}

    /** A trial ended (also called for trials skipped because their folder had already completed). */
    void trialFinished(SweepSpec.Trial trial, RunOutcome outcome, boolean skipped);
}
