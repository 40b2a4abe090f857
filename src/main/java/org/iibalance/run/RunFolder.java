package org.iibalance.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;

/**
 * A run folder {@code runs/<yyyyMMdd-HHmmss>-<name>/} being written: {@code config.yaml},
 * {@code state.json}, {@code metrics.csv}, {@code results.json}, {@code gating.csv},
 * {@code predictions.csv}, {@code checkpoints/}. The folder is claimed atomically (a directory
 * creation that fails when it exists, never check-then-create); every file but the append-only
 * metrics log is written to a temporary file and renamed into place. {@link RunSummary} reads it back.
 */
public final class RunFolder {
    /** Why a folder cannot be resumed or reopened: it holds no run configuration. */
    public static final String NOT_A_RUN = "is not a run folder (no " + RunFiles.CONFIG + ")";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates a fresh folder {@code <runsDir>/<timestamp>-<name>} (suffixed -2, -3... when taken by another run). */
    public static RunFolder create(Path runsDir, String name) throws IOException {
        Files.createDirectories(runsDir);
        String base = LocalDateTime.now().format(STAMP) + "-" + name;
        for (int i = 1;; i++) {
            Path dir = runsDir.resolve(i == 1 ? base : base + "-" + i);
            try {
                Files.createDirectory(dir); // atomic: fails if another run claimed the name first
                return new RunFolder(dir);
            } catch (FileAlreadyExistsException taken) {
                // next suffix
            }
        }
    }

    /**
     * Claims exactly {@code dir} for a new run (sweep trials): created if absent; an existing folder is
     * accepted only while it holds no run yet.
     *
     * @throws IOException when the folder already holds a run ({@code config.yaml} or {@code state.json})
     */
    public static RunFolder createAt(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw new IOException(dir + " exists and is not a folder");
            if (RunFiles.hasConfig(dir) || Files.exists(dir.resolve(RunFiles.STATE))) {
                throw new IOException(dir + " already holds a run; resume it or choose another folder");
            }
        }
        return new RunFolder(dir);
    }

    /** An existing run folder, to continue writing it (resume). */
    public static RunFolder reopen(Path dir) throws IOException {
        if (!RunFiles.hasConfig(dir)) throw new IOException(dir + " " + NOT_A_RUN);
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    /** {@code checkpoints/last}: the last epoch's weights, optimiser and state. */
    public Path lastCheckpoint() {
        return dir.resolve(RunFiles.CHECKPOINTS).resolve("last");
    }

    /** {@code checkpoints/best}: the weights of the best epoch on validation. */
    public Path bestCheckpoint() {
        return dir.resolve(RunFiles.CHECKPOINTS).resolve("best");
    }

    /** Writes {@code config.yaml}: the resolved configuration under a provenance header. */
    public void writeConfig(ExperimentConfig cfg, String header) throws IOException {
        ConfigIO.write(cfg, dir.resolve(RunFiles.CONFIG), header);
    }

    /** Writes {@code state.json}: the state, a reason when not running or completed, epochs done. */
    public void writeState(RunState state, String reason, int epochsCompleted) throws IOException {
        new StateFile(state, reason, epochsCompleted, null).write(dir.resolve(RunFiles.STATE));
    }

    /** The state written so far. */
    public StateFile state() throws IOException {
        return StateFile.read(dir.resolve(RunFiles.STATE));
    }

    public void writeResults(Results r) throws IOException {
        ResultsJson.write(dir.resolve(RunFiles.RESULTS), r);
    }

    public void writeGating(GatingTable t) throws IOException {
        t.csv().write(dir.resolve(RunFiles.GATING));
    }

    public void writePredictions(PredictionsTable t) throws IOException {
        t.csv().write(dir.resolve(RunFiles.PREDICTIONS));
    }

    /** Writes {@code preprocessing-report.txt}: one line per file skipped while preparing the data (nothing when none). */
    public void writePreprocessingReport(List<String> skipped) throws IOException {
        if (skipped.isEmpty()) return;
        StringBuilder b = new StringBuilder("# files skipped while preparing the data: file: reason\n");
        for (String s : skipped) b.append(s).append('\n');
        Json.writeAtomically(dir.resolve(RunFiles.PREPROCESSING_REPORT), b.toString());
    }

    /** A metrics log appending to {@code metrics.csv}, with extra named columns after the standard ones. */
    public MetricsLog metricsLog(List<String> modalities, List<String> extraColumns) {
        return new MetricsLog(dir.resolve(RunFiles.METRICS), modalities, extraColumns);
    }

    /** Keeps the metrics of epochs up to {@code epochs} (and the budget rows): resuming from that epoch's checkpoint. */
    public void truncateMetricsAfterEpoch(int epochs) throws IOException {
        MetricsLog.truncateAfterEpoch(dir.resolve(RunFiles.METRICS), epochs);
    }

    /** Forgets the metrics (a run stopped before its first checkpoint starts over). */
    public void deleteMetrics() throws IOException {
        Files.deleteIfExists(dir.resolve(RunFiles.METRICS));
    }

    /** Deletes a folder tree (checkpoint swaps). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
