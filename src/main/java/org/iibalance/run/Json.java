package org.iibalance.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.iibalance.config.ConfigIO;

/** The JSON mapper of the run folder (indented, as every run folder so far) and the atomic write. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Temporary file, then an atomic rename: a reader never sees half a file. */
    static void writeAtomically(Path file, String text) throws IOException {
        ConfigIO.writeAtomically(file, text);
    }
}
