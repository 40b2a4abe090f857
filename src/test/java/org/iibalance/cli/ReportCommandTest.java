package org.iibalance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report} over folders without completed runs says so, writes nothing and exits 1. */
class ReportCommandTest {
    @Test
    void aReportOverNoRunsSaysSoAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path out = tmp.resolve("report");
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new ReportCommand()).execute("--runs", runs.toString(), "--out", out.toString());
        } finally {
            System.setErr(err);
        }
        assertEquals(1, code);
        String msg = buf.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("no completed runs under " + runs), msg);
        assertFalse(Files.exists(out), "no report folder, no empty files");
    }
}
