package org.iibalance.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iibalance.run.RunFolder;
import org.iibalance.run.RunLogRoute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** --quiet and --verbose set the console's level (logback); quiet leaves a run's run.log its info lines. */
class LoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingTest.class);

    @AfterEach
    void normal() {
        Logging.level(Logging.Verbosity.NORMAL);
    }

    @Test
    void quietShowsWarningsOnlyButTheRunLogKeepsItsInfoLines(@TempDir Path dir) throws Exception {
        RunFolder folder = RunFolder.createAt(dir.resolve("run"));
        Logging.level(Logging.Verbosity.QUIET);
        String console = stderrOf(() -> {
            try (RunLogRoute route = RunLogRoute.open(); var log = folder.openLog()) {
                route.attach(log);
                LOG.info("an info line");
                LOG.warn("a warning");
            }
        });
        assertTrue(console.contains("[WARN] LoggingTest - a warning") && !console.contains("an info line"), console);
        String runLog = Files.readString(folder.dir().resolve("run.log"));
        assertTrue(runLog.contains("[INFO] LoggingTest - an info line") && runLog.contains("a warning"), runLog);
    }

    @Test
    void normalShowsInfoAndVerboseAddsDebug() {
        Logging.level(Logging.Verbosity.NORMAL);
        String normal = stderrOf(() -> {
            LOG.info("info at normal");
            LOG.debug("debug at normal");
        });
        assertTrue(normal.contains("[INFO] LoggingTest - info at normal") && !normal.contains("debug at normal"), normal);
        Logging.level(Logging.Verbosity.VERBOSE);
        String verbose = stderrOf(() -> LOG.debug("debug at verbose"));
        assertTrue(verbose.contains("[DEBUG] LoggingTest - debug at verbose"), verbose);
        Logging.level(Logging.Verbosity.NORMAL);
        assertFalse(stderrOf(() -> LOG.debug("debug again")).contains("debug again"));
    }

    private static String stderrOf(Runnable r) {
        PrintStream before = System.err;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setErr(new PrintStream(b, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(before);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
