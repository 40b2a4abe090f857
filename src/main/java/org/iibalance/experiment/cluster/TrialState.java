package org.iibalance.experiment.cluster;

/**
 * A cluster trial's state, from its run folder and the scheduler together: the run folder decides
 * {@code COMPLETED}; otherwise the scheduler's state of the trial's latest array task.
 */
public enum TrialState {
    /** Never submitted (or the folder's manifest lists it but no job includes it). */
    NOT_SUBMITTED,
    /** Waiting in the queue (also after a requeue). */
    PENDING,
    RUNNING,
    /** Its run folder holds a completed run. */
    COMPLETED,
    /** The task ended without a completed run: the run failed or diverged, the task ran out of time or memory, or was killed. */
    FAILED,
    /** Cancelled through {@code scancel} (or {@code matrix --cancel}). */
    CANCELLED,
    /** Preempted by a job of higher priority (and not requeued). */
    PREEMPTED,
    /** The scheduler no longer knows the task and its run folder does not say how it ended. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }

    /** Still in the scheduler's hands: a new submission must not start it twice. */
    public boolean active() {
        return this == PENDING || this == RUNNING;
    }

    /** Slurm's job state names, mapped (the state of a trial whose run did not complete). */
    static TrialState ofSlurm(String state) {
        return switch (state) {
            case "PENDING", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "CONFIGURING", "RESIZING", "SUSPENDED", "STAGE_OUT", "SPECIAL_EXIT" -> PENDING;
            case "RUNNING", "COMPLETING", "SIGNALING", "STOPPED" -> RUNNING;
            case "CANCELLED", "REVOKED" -> CANCELLED;
            case "PREEMPTED" -> PREEMPTED;
            case "COMPLETED", "FAILED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE" -> FAILED;
            default -> UNKNOWN;
        };
    }
}
