package org.iibalance.experiment;

/** Where the parts of a run publish their events, and the run's clock. */
interface EventSink {
    void publish(TrainingEvent e);

    /** Seconds since the run started. */
    double elapsed();
}
