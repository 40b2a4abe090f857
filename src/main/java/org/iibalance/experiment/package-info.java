/**
 * The training loop, evaluation, the event stream, checkpoint tensors, sweeps and matrices (the run
 * folder's files are written and read through {@code org.iibalance.run}). Knows
 * nothing of JavaFX: the GUI and the CLI both drive {@link org.iibalance.experiment.ExperimentRunner}.
 */
package org.iibalance.experiment;
