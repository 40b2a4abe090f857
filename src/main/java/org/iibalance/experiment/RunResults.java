package org.iibalance.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iibalance.config.ConfigIO;

/**
 * The final figures of a run ({@code results.json}). Keys are dotted paths
 * ({@code test.accMultimodal}, {@code budget.beta.audio}, ...); the file nests them as JSON objects.
 * Values are numbers, strings or null (a figure a method does not have, e.g. the fusion weights of
 * concatenation).
 */
public final class RunResults {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> values = new LinkedHashMap<>();

    public RunResults put(String key, Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) value = null;
        values.put(key, value);
        return this;
    }

    public Object get(String key) {
        return values.get(key);
    }

    /** A number, or NaN when absent or null. */
    public double number(String key) {
        Object v = values.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public String text(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** The nested JSON text. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = node.get(parts[i]);
                if (!(child instanceof ObjectNode)) {
                    child = JSON.createObjectNode();
                    node.set(parts[i], child);
                }
                node = (ObjectNode) child;
            }
            node.set(parts[parts.length - 1], JSON.valueToTree(e.getValue()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public void write(Path file) throws IOException {
        ConfigIO.writeAtomically(file, toJson() + "\n");
    }

    /** Reads a results.json back into dotted keys. */
    public static RunResults read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        RunResults r = new RunResults();
        flatten(root, "", r);
        return r;
    }

    private static void flatten(JsonNode n, String prefix, RunResults r) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), r);
            }
        } else if (n.isNumber()) {
            r.values.put(prefix, n.doubleValue());
        } else if (n.isNull()) {
            r.values.put(prefix, null);
        } else if (n.isBoolean()) {
            r.values.put(prefix, n.booleanValue());
        } else {
            r.values.put(prefix, n.asText());
        }
    }
}
