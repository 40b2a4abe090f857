package org.iibalance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSON mapper of the run folder (indented, as every run folder so far), the atomic write and the checked read. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Temporary file, fsync, then an atomic rename: a reader never sees half a file ({@link SafeFiles}). */
    static void writeAtomically(Path file, String text) throws IOException {
        SafeFiles.write(file, text);
    }

    /**
     * Reads a run file that must hold one JSON object.
     *
     * @throws IOException naming the file when it is missing, not valid JSON, or not an object
     */
    static JsonNode readObject(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) throw new IOException(file + ": not a JSON object");
        return root;
    }
}
