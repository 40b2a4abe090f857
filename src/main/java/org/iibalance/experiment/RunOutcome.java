package org.iibalance.experiment;

import java.nio.file.Path;
import org.iibalance.run.Results;
import org.iibalance.run.RunState;

/**
 * How a run ended.
 *
 * @param state   completed, cancelled, failed or diverged
 * @param runDir  the run folder (null when the run failed before it was created)
 * @param results the results (completed runs only)
 * @param reason  why it did not complete (null when completed)
 */
public record RunOutcome(RunState state, Path runDir, Results results, String reason) {}
