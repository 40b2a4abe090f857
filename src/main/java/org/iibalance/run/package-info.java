/**
 * The run folder as typed values, written and read in one place: {@link org.iibalance.run.RunFolder}
 * creates a folder and writes each file atomically; {@link org.iibalance.run.RunSummary} opens one
 * (config, state, {@link org.iibalance.run.Results}); {@link org.iibalance.run.GatingTable},
 * {@link org.iibalance.run.MetricsTable} and {@link org.iibalance.run.PredictionsTable} are its CSV
 * files; {@link org.iibalance.run.RunScan} finds runs in a folder tree by their structure. Nothing
 * outside this package names a run folder's files or looks up a results key. No libtorch types.
 */
package org.iibalance.run;
