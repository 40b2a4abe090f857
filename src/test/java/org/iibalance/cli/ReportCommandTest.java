package org.iibalance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.report.SelectionFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code report} over folders without completed runs says so, writes nothing and exits 1;
 * {@code report --validation-only} prints and writes the selection report and no test figure.
 */
class ReportCommandTest {
    @Test
    void aReportOverNoRunsSaysSoAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path out = tmp.resolve("report");
        Run r = report(false, "--runs", runs.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        String msg = r.printed();
        assertTrue(msg.contains("no completed runs under " + runs), msg);
        assertFalse(Files.exists(out), "no report folder, no empty files");
    }

    @Test
    void validationOnlyPrintsAndWritesTheSelectionAndNoTestFigure(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        SelectionFixtures.run(runs, "joint-e3-1", "synthetic-av", "joint", 1, new double[] {0.50, 0.55, 0.60}, List.of());
        SelectionFixtures.run(runs, "joint-e3-1-again", "synthetic-av", "joint", 1, new double[] {0.50, 0.55, 0.62}, List.of());
        SelectionFixtures.run(runs, "joint-e3-2", "synthetic-av", "joint", 2, new double[] {0.50, 0.55, 0.61}, List.of());
        SelectionFixtures.run(runs, "joint-e5-1", "synthetic-av", "joint", 1, new double[] {0.50, 0.60, 0.70, 0.80, 0.79}, List.of());
        SelectionFixtures.run(runs, "joint-e5-2", "synthetic-av", "joint", 2, new double[] {0.50, 0.60, 0.70, 0.81, 0.79}, List.of());
        Files.createDirectories(runs.resolve("broken"));
        Files.writeString(runs.resolve("broken/results.json"), "{");
        Path out = tmp.resolve("selection");
        Run r = report(true, "--runs", runs.toString(), "--out", out.toString(), "--validation-only");
        String printed = r.printed();
        assertEquals(0, r.code(), printed);
        assertTrue(printed.contains("5 completed runs read; 1 folders skipped"), printed);
        assertTrue(printed.contains("skipped " + runs.resolve("broken")), printed);
        assertTrue(printed.contains("warning: synthetic-av / joint ["), printed);
        assertTrue(printed.contains("seed 1 appears in 2 runs; counted once"), printed);
        assertTrue(printed.contains("| training.epochs |"), printed);
        assertTrue(printed.contains("s1: 3 of 3 (last), s2: 3 of 3 (last)"), printed);
        assertTrue(printed.contains("| best | | | | **Joint training `"), printed);
        try (java.util.stream.Stream<Path> written = Files.list(out)) {
            assertEquals(List.of("selection.csv", "selection.md"), written.map(p -> p.getFileName().toString()).sorted().toList()); // no report.md, tables or figures
        }
        for (String text : List.of(printed, Files.readString(out.resolve("selection.md")), Files.readString(out.resolve("selection.csv")))) {
            for (String t : SelectionFixtures.TEST_TRACES) assertFalse(text.contains(t), "test figure " + t + " shown:\n" + text);
        }
    }

    private record Run(int code, String printed) {}

    /** Runs {@code report} with the arguments, capturing stdout (or stderr) as it prints. */
    private static Run report(boolean stdout, String... args) {
        PrintStream saved = stdout ? System.out : System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try {
            if (stdout) System.setOut(capture); else System.setErr(capture);
            int code = new CommandLine(new ReportCommand()).execute(args);
            return new Run(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            if (stdout) System.setOut(saved); else System.setErr(saved);
        }
    }
}
