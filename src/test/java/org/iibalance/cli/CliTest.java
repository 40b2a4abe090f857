package org.iibalance.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iibalance.config.ConfigCatalogue;
import org.iibalance.nn.Devices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's conventions: help and exit codes everywhere, refusals instead of traces, config listing, dry run, version. */
class CliTest {
    /** Output of one command: exit code, stdout (System.out and picocli's out) and stderr. */
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        StringWriter pout = new StringWriter(), perr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(pout, true));
            cl.setErr(new PrintWriter(perr, true));
            int code = cl.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8) + pout, err.toString(StandardCharsets.UTF_8) + perr);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Issue 13: --set device=cuda on the CPU build printed a Java stack trace and exited 1. */
    @Test
    void cudaOnTheCpuBuildIsARefusalWithExitCode2(@TempDir Path runs) {
        Assumptions.assumeFalse(Devices.cudaAvailable(), "this machine has CUDA: nothing to refuse");
        Result r = run("train", "--set", "device=cuda", "--out", runs.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("device: 'cuda' was asked for, but this build of the engine sees no CUDA device"), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace: " + r.err());
    }

    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        for (String cmd : List.of("train", "config", "sweep", "matrix", "report", "datasets", "bench", "gui")) {
            Result r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd + ": " + r.err());
            assertTrue(r.out().contains("Usage: iibalance " + cmd), cmd + ": " + r.out());
            assertTrue(r.out().contains("Exit codes:") && r.out().matches("(?s).*\\n\\s+2\\s+bad usage or configuration.*"), cmd + ": " + r.out());
        }
        assertTrue(run("train", "--help").out().matches("(?s).*\\n\\s+130\\s+cancelled with Ctrl-C.*"));
        assertTrue(run("gui", "--help").out().matches("(?s).*\\n\\s+5\\s+the window cannot open.*"));
    }

    @Test
    void datasetsCheckIsASubcommandWithItsOwnHelp() {
        Result r = run("datasets", "check", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: iibalance datasets check") && r.out().contains("--config=FILE"), r.out());
        assertTrue(run("datasets", "--help").out().contains("check"), "the parent lists it");
    }

    @Test
    void configListsEveryKeyAndItsJsonParses() throws Exception {
        Result text = run("config");
        assertEquals(0, text.code());
        for (var k : ConfigCatalogue.keys()) assertTrue(text.out().contains(k.key() + "  ("), "listed: " + k.key());
        Result json = run("config", "--json");
        JsonNode a = new ObjectMapper().readTree(json.out());
        assertEquals(ConfigCatalogue.keys().size(), a.size());
        JsonNode tau = null;
        for (JsonNode n : a) if ("method.tau".equals(n.get("key").asText())) tau = n;
        assertNotNull(tau);
        assertEquals("number", tau.get("type").asText());
        assertEquals("0.07", tau.get("default").asText());
        assertEquals("> 0", tau.get("range").asText());
        assertTrue(tau.get("description").asText().contains("Eq. 2"));
    }

    @Test
    void dryRunPrintsTheResolvedConfigurationAndWritesNothing(@TempDir Path runs) throws Exception {
        Result r = run("train", "--dry-run", "--set", "method.tau=0.3", "--set", "dataset.synthetic.trainClips=64", "--set", "dataset.synthetic.valClips=16",
                "--set", "dataset.synthetic.testClips=16", "--out", runs.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tau: 0.3") && r.out().contains("trainClips: 64"), r.out());
        assertTrue(r.out().contains("# would load:") && r.out().contains("total"), r.out());
        assertFalse(Files.exists(runs.resolve("out")), "a dry run creates no folder");
        Result bad = run("train", "--dry-run", "--set", "method.tau=-1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("method.tau"), bad.err());
    }

    @Test
    void versionNamesWorkbenchJavaEngineOsAndCpu() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("IIBalance Workbench "), r.out());
        assertTrue(r.out().contains("Java " + System.getProperty("java.version")), r.out());
        assertTrue(r.out().contains("libtorch 2.10.0") && r.out().contains("JavaCPP 1.5.13"), r.out());
        assertTrue(r.out().contains("OS ") && r.out().contains("CPU "), r.out());
    }

    @Test
    void anUnexpectedErrorIsOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        Result r = run("report", "--runs", dir.toString(), "--out", notADir.resolve("sub").toString());
        assertNotEquals(0, r.code());
        assertFalse(r.err().contains("\tat org."), "no stack trace without --verbose: " + r.err());
    }

    @Test
    void guiPreflightNamesTheMissingDisplayAndGtk(@TempDir Path libs) throws Exception {
        assertTrue(GuiPreflight.problem("Linux", Map.of(), "", List.of(libs.toString())).startsWith("no display: DISPLAY is not set"));
        String gtk = GuiPreflight.problem("Linux", Map.of("DISPLAY", ":0"), "", List.of(libs.toString()));
        assertTrue(gtk.contains("libgtk-3-0"), gtk);
        Files.writeString(libs.resolve("libgtk-3.so.0"), "");
        assertNull(GuiPreflight.problem("Linux", Map.of("DISPLAY", ":0"), "", List.of(libs.toString())));
        assertNull(GuiPreflight.problem("Linux", Map.of(), "Monocle", List.of()), "headless JavaFX needs no display");
        assertNull(GuiPreflight.problem("Mac OS X", Map.of(), "", List.of()));
    }

    @Test
    void guiWithoutADisplayIsOneLineAndTheUsage() {
        var real = GuiCommand.preflight;
        GuiCommand.preflight = () -> GuiPreflight.problem("Linux", Map.of(), "", List.of());
        try {
            Result r = run("gui");
            assertEquals(5, r.code());
            assertTrue(r.err().startsWith("gui: no display: DISPLAY is not set"), r.err());
            assertTrue(r.err().contains("Usage: iibalance gui"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        } finally {
            GuiCommand.preflight = real;
        }
    }
}
