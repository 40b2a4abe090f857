/**
 * The training loop, evaluation, the event stream, checkpoints, run folders and sweeps. Knows
 * nothing of JavaFX: the GUI and the CLI both drive {@link org.iibalance.experiment.ExperimentRunner}.
 */
package org.iibalance.experiment;
