package org.iibalance.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The names of a run folder's files (the on-disk contract of DESIGN.md and the README's "A run
 * folder"). Package-private on purpose where possible: other packages ask {@link RunFolder} and
 * {@link RunSummary} for typed values instead of opening files by name.
 */
public final class RunFiles {
    static final String CONFIG = "config.yaml";
    static final String STATE = "state.json";
    static final String METRICS = "metrics.csv";
    static final String RESULTS = "results.json";
    static final String GATING = "gating.csv";
    static final String PREDICTIONS = "predictions.csv";
    static final String PREPROCESSING_REPORT = "preprocessing-report.txt";
    static final String CHECKPOINTS = "checkpoints";
    static final String CHECKPOINT_STATE = "state.json";
    /** A checkpoint's network weights (written by the engine layer). */
    public static final String CHECKPOINT_MODEL = "model.pt";
    /** A checkpoint's optimiser state (written by the engine layer). */
    public static final String CHECKPOINT_OPTIMIZER = "optimizer.pt";

    private RunFiles() {}

    /** Whether {@code dir} is a run folder by structure: it holds {@code config.yaml} and {@code state.json}. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG)) && Files.isRegularFile(dir.resolve(STATE));
    }

    /** Whether {@code dir} holds a run configuration (a run that may have stopped before its state was written). */
    public static boolean hasConfig(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    /**
     * The file name of a run's state ({@code running}, {@code completed}, ...), for scripts that run
     * where no JVM is at hand (the Slurm array task checks it before starting Java).
     */
    public static String stateFileName() {
        return STATE;
    }

    /** The file name of a run's resolved configuration, for scripts (see {@link #stateFileName}). */
    public static String configFileName() {
        return CONFIG;
    }

    /** The configuration file of a run folder (for "re-run with its config" and the CLI's --config). */
    public static Path config(Path dir) {
        return dir.resolve(CONFIG);
    }
}
