package org.iibalance.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code run.log}: the run's console lines, each prefixed with its UTC time, appended and flushed
 * line by line (a resumed run appends to the same log). Written by the training loop's event stream
 * and by every line logged through SLF4J on the run's threads ({@link RunLogRoute},
 * {@link RunLogAppender}), so GUI runs have one too. A log that cannot be written stops logging and remembers why (the run
 * itself fails on its own, more important writes).
 */
public final class RunLog implements AutoCloseable {
    private final Path file;
    private BufferedWriter out;
    private IOException problem;

    RunLog(Path file) {
        this.file = file;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            problem = SafeFiles.failure(file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one line (or several, each prefixed) and flushes. */
    public void line(String text) {
        stampedLine(stamp(Instant.now().truncatedTo(ChronoUnit.MILLIS), text));
    }

    /** The text as log lines: each line prefixed with the time. */
    static String stamp(Instant time, String text) {
        StringBuilder b = new StringBuilder();
        for (String l : text.split("\n", -1)) b.append(time).append(' ').append(l).append('\n');
        return b.toString();
    }

    /** Appends lines already prefixed by {@link #stamp} (a run's log lines from before its folder existed) and flushes. */
    synchronized void stampedLine(String stamped) {
        if (out == null) return;
        try {
            out.write(stamped);
            out.flush();
        } catch (IOException e) {
            problem = SafeFiles.failure(file, e);
            closeQuietly();
        }
    }

    /** Why the log stopped (null while it writes). */
    public synchronized IOException problem() {
        return problem;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            if (problem == null) problem = SafeFiles.failure(file, e);
        }
        out = null;
    }
}
