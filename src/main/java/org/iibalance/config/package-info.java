/**
 * The experiment configuration: immutable records read and written as YAML. The CLI and the GUI
 * build the same {@link org.iibalance.config.ExperimentConfig}; a run folder holds the resolved copy.
 * No engine types here.
 */
package org.iibalance.config;
