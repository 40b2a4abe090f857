package org.iibalance.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iibalance.config.ConfigIO;

/**
 * A run folder {@code runs/<timestamp>-<name>/}: {@code config.yaml}, {@code state.json},
 * {@code metrics.csv}, {@code results.json}, {@code gating.csv}, {@code checkpoints/}. Every file
 * but the append-only metrics log is written atomically.
 */
public final class RunFolder {
    public static final String CONFIG = "config.yaml";
    public static final String STATE = "state.json";
    public static final String METRICS = "metrics.csv";
    public static final String RESULTS = "results.json";
    public static final String GATING = "gating.csv";
    public static final String PREDICTIONS = "predictions.csv";
    public static final String REPORT = "preprocessing-report.txt";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    public RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates a fresh folder {@code <runsDir>/<timestamp>-<name>} (suffixed -2, -3... if taken). */
    public static RunFolder create(Path runsDir, String name) throws IOException {
        Files.createDirectories(runsDir);
        String base = LocalDateTime.now().format(STAMP) + "-" + name;
        Path dir = runsDir.resolve(base);
        for (int i = 2; Files.exists(dir); i++) dir = runsDir.resolve(base + "-" + i);
        Files.createDirectory(dir);
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public Path checkpoints() {
        return dir.resolve("checkpoints");
    }

    /** Writes {@code state.json}: the state, a reason when not running or completed, epochs done. */
    public void writeState(RunState state, String reason, int epochsCompleted) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("state", state.label());
        s.put("reason", reason);
        s.put("epochsCompleted", epochsCompleted);
        s.put("updated", Instant.now().toString());
        ConfigIO.writeAtomically(file(STATE), JSON.writeValueAsString(s) + "\n");
    }

    /** Reads the state of a run folder (RUNNING when unknown). */
    public static RunState readState(Path dir) {
        try {
            Map<?, ?> m = JSON.readValue(dir.resolve(STATE).toFile(), Map.class);
            return RunState.valueOf(String.valueOf(m.get("state")).toUpperCase());
        } catch (Exception e) {
            return RunState.RUNNING;
        }
    }

    /** The reason recorded in state.json, or null. */
    public static String readReason(Path dir) {
        try {
            Map<?, ?> m = JSON.readValue(dir.resolve(STATE).toFile(), Map.class);
            Object r = m.get("reason");
            return r == null ? null : r.toString();
        } catch (Exception e) {
            return null;
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
