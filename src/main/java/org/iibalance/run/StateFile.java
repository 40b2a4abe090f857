package org.iibalance.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code state.json}: the state of a run, the reason when it did not complete, the epochs done and
 * when it was last written.
 *
 * @param state           running, completed, cancelled, failed or diverged
 * @param reason          why it stopped (null when running or completed)
 * @param epochsCompleted multimodal epochs done
 * @param updated         when the file was written (null when unknown)
 */
public record StateFile(RunState state, String reason, int epochsCompleted, Instant updated) {

    void write(Path file) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("state", state.label());
        s.put("reason", reason);
        s.put("epochsCompleted", epochsCompleted);
        s.put("updated", (updated == null ? Instant.now() : updated).toString());
        String text = Json.MAPPER.writeValueAsString(s) + "\n";
        try {
            Json.writeAtomically(file, text);
        } catch (IOException full) {
            // a full disk has no room for the temporary copy: overwrite the file in place (its pages are
            // already allocated), so that a run still ends as failed rather than staying "running"
            if (!SafeFiles.overwriteInPlace(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))) throw full;
        }
    }

    /**
     * Reads a {@code state.json}.
     *
     * @throws IOException naming the file when it is missing, not JSON, or names no known state
     */
    static StateFile read(Path file) throws IOException {
        JsonNode n = Json.readObject(file);
        RunState st = n == null ? null : RunState.ofLabel(n.path("state").asText(null));
        if (st == null) throw new IOException(file + ": key 'state' must be one of running, completed, cancelled, failed, diverged");
        String reason = n.hasNonNull("reason") ? n.get("reason").asText() : null;
        Instant updated = null;
        try {
            if (n.hasNonNull("updated")) updated = Instant.parse(n.get("updated").asText());
        } catch (RuntimeException e) {
            // an unreadable time stamp is not a reason to refuse the run
        }
        return new StateFile(st, reason, n.path("epochsCompleted").asInt(0), updated);
    }
}
