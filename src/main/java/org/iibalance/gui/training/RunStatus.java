package org.iibalance.gui.training;

/** What the training pane shows as the run's state. */
public enum RunStatus {
    /** Nothing started yet. */
    IDLE,
    /** A run is going. */
    RUNNING,
    /** Cancel was asked; waiting for the loop to stop at the next batch. */
    CANCELLING,
    /** The run finished and wrote its results. */
    COMPLETED,
    /** The user cancelled; the folder is marked cancelled. */
    CANCELLED,
    /** The loss became NaN or infinite. */
    DIVERGED,
    /** Anything else went wrong (configuration, data, engine). */
    FAILED;

    /** Whether a run is in progress. */
    public boolean active() {
        return this == RUNNING || this == CANCELLING;
    }
}
