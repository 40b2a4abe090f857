package org.iibalance.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a checkpoint folder ({@code checkpoints/last}, {@code checkpoints/best}) remembers besides the
 * weights: its {@code state.json}. The tensors themselves ({@link RunFiles#CHECKPOINT_MODEL},
 * {@link RunFiles#CHECKPOINT_OPTIMIZER}) are written by the engine layer.
 *
 * @param epochsCompleted          epochs done when it was written
 * @param bestValAccuracy          best validation Acc_m so far
 * @param bestEpoch                1-based epoch of that best
 * @param globalStep               training steps so far
 * @param epochsWithoutImprovement epochs since the last improvement (early stopping)
 * @param methodState              the method's own state as plain values (prototypes, budget...)
 */
public record CheckpointState(int epochsCompleted, double bestValAccuracy, int bestEpoch, long globalStep, int epochsWithoutImprovement,
        Map<String, Object> methodState) {

    /** Writes {@code state.json} into the checkpoint folder {@code dir}. */
    public void write(Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochsCompleted", epochsCompleted);
        m.put("bestValAccuracy", bestValAccuracy);
        m.put("bestEpoch", bestEpoch);
        m.put("globalStep", globalStep);
        m.put("epochsWithoutImprovement", epochsWithoutImprovement);
        m.put("method", methodState);
        Json.writeAtomically(dir.resolve(RunFiles.CHECKPOINT_STATE), Json.MAPPER.writeValueAsString(m));
    }

    /** Reads the {@code state.json} of the checkpoint folder {@code dir}. */
    @SuppressWarnings("unchecked")
    public static CheckpointState read(Path dir) throws IOException {
        Path f = dir.resolve(RunFiles.CHECKPOINT_STATE);
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            throw new IOException(f + ": not a readable checkpoint state (" + e.getMessage() + ")", e);
        }
        for (String k : new String[] {"epochsCompleted", "bestValAccuracy", "bestEpoch", "globalStep", "epochsWithoutImprovement"}) {
            if (n == null || !n.hasNonNull(k)) throw new IOException(f + ": key '" + k + "' is missing");
        }
        Map<String, Object> method = n.hasNonNull("method") ? Json.MAPPER.convertValue(n.get("method"), Map.class) : Map.of();
        return new CheckpointState(n.get("epochsCompleted").asInt(), n.get("bestValAccuracy").asDouble(), n.get("bestEpoch").asInt(),
                n.get("globalStep").asLong(), n.get("epochsWithoutImprovement").asInt(), method);
    }

    /** Whether {@code dir} holds a complete checkpoint (weights and state). */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(RunFiles.CHECKPOINT_MODEL)) && Files.isRegularFile(dir.resolve(RunFiles.CHECKPOINT_STATE));
    }
}
