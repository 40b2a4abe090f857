package org.iibalance.experiment;

/** The state of a run folder, written to {@code state.json}. */
public enum RunState {
    RUNNING, COMPLETED, CANCELLED, FAILED, DIVERGED;

    public String label() {
        return name().toLowerCase();
    }
}
