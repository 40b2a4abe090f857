package org.iibalance.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;

/**
 * A run folder read back: its resolved configuration, its state and, once completed, its results.
 * The tables ({@link #gating()}, {@link #metrics()}, {@link #predictions()}) are read on demand.
 *
 * @param dir           the run folder
 * @param config        the resolved configuration (null when {@code config.yaml} could not be read)
 * @param configProblem why the configuration could not be read (null when it was)
 * @param state         {@code state.json}
 * @param results       {@code results.json} (null until the run completed)
 */
public record RunSummary(Path dir, ExperimentConfig config, String configProblem, StateFile state, Results results) {

    /**
     * Opens a run folder (one {@link RunFiles#isRun} accepts).
     *
     * @throws IOException naming the file when {@code state.json} is missing or unreadable, or a
     *                     completed run's {@code results.json} is missing or unreadable
     */
    public static RunSummary open(Path dir) throws IOException {
        StateFile st = StateFile.read(dir.resolve(RunFiles.STATE));
        ExperimentConfig cfg = null;
        String problem = null;
        try {
            cfg = ConfigIO.load(dir.resolve(RunFiles.CONFIG), List.of());
        } catch (ConfigException e) {
            problem = dir.resolve(RunFiles.CONFIG) + ": " + e.getMessage().replace('\n', ' ');
        }
        Results r = null;
        Path res = dir.resolve(RunFiles.RESULTS);
        if (st.state() == RunState.COMPLETED || Files.isRegularFile(res)) {
            if (st.state() == RunState.COMPLETED) r = ResultsJson.read(res);
            else r = readQuietly(res);
        }
        return new RunSummary(dir, cfg, problem, st, r);
    }

    private static Results readQuietly(Path res) {
        try {
            return ResultsJson.read(res);
        } catch (IOException e) {
            return null;
        }
    }

    /** The results of a completed run folder (sweeps skip completed trials with it). */
    public static Results results(Path dir) throws IOException {
        return ResultsJson.read(dir.resolve(RunFiles.RESULTS));
    }

    /** The state of a run folder without reading the rest. */
    public static StateFile stateOf(Path dir) throws IOException {
        return StateFile.read(dir.resolve(RunFiles.STATE));
    }

    /** Whether the run completed. */
    public boolean completed() {
        return state.state() == RunState.COMPLETED && results != null;
    }

    /** Whether the run has a {@code gating.csv}. */
    public boolean hasGating() {
        return Files.isRegularFile(dir.resolve(RunFiles.GATING));
    }

    /** {@code gating.csv}. */
    public GatingTable gating() throws IOException {
        return GatingTable.read(dir.resolve(RunFiles.GATING));
    }

    /** {@code metrics.csv}. */
    public MetricsTable metrics() throws IOException {
        return MetricsTable.read(dir.resolve(RunFiles.METRICS));
    }

    /** {@code predictions.csv}, or null for runs written before it existed. */
    public PredictionsTable predictions() throws IOException {
        Path p = dir.resolve(RunFiles.PREDICTIONS);
        return Files.isRegularFile(p) ? PredictionsTable.read(p) : null;
    }

    /** The run's name: results, else config, else the folder name. */
    public String name() {
        if (results != null && results.name() != null) return results.name();
        return config != null ? config.name() : dir.getFileName().toString();
    }

    /** Whether the run belongs to a sensitivity sweep (Fig. 4 only). */
    public boolean sensitivity() {
        return RunNaming.isSensitivity(name());
    }

    /**
     * A signature of the folder's state and results files (modification times), so that a poller
     * rereads a folder only when it changed.
     */
    public static String stamp(Path dir) {
        StringBuilder b = new StringBuilder();
        for (String n : List.of(RunFiles.STATE, RunFiles.RESULTS)) {
            try {
                b.append(Files.getLastModifiedTime(dir.resolve(n)).toMillis()).append('/');
            } catch (IOException e) {
                b.append("-/");
            }
        }
        return b.toString();
    }
}
