package org.iibalance.experiment;

/** Receives training events on the training thread: copy what you need and return quickly. */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}
