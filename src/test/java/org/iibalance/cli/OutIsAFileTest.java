package org.iibalance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code sweep}/{@code matrix} with {@code --out} naming a regular file (or a folder inside
 * one) went down the dataset error path (exit 3) or ended as an unexpected error (exit 1, "Not a
 * directory"); they are refused as usage errors (exit 2) naming the file as a file, before anything runs.
 * {@code train} and {@code report} refuse the same way, with the same check.
 */
class OutIsAFileTest {
    @TempDir
    Path tmp;

    private Path file() throws Exception {
        return Files.writeString(tmp.resolve("notes.txt"), "mine");
    }

    private void refusedNamingTheFile(CliTest.Result r, Path file) throws Exception {
        assertEquals(ExitCodes.REFUSED, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(file + " is a file, not a folder"), r.err());
        assertFalse(r.err().contains("unexpected error") || r.err().contains("\tat "), r.err());
        assertEquals("mine", Files.readString(file), "the file is left as it was");
    }

    @Test
    void sweepRefusesAFileAsOut() throws Exception {
        Path f = file();
        refusedNamingTheFile(CliTest.run("sweep", "--grid", "method.tau=0.1,0.2", "--out", f.toString()), f);
        refusedNamingTheFile(CliTest.run("sweep", "--grid", "method.tau=0.1,0.2", "--out", f.resolve("sub").toString()), f);
    }

    @Test
    void sweepRefusesAFileAsTheRunsFolderWithoutOut() throws Exception {
        Path f = file();
        CliTest.Result r = CliTest.run("sweep", "--grid", "method.tau=0.1,0.2", "--set", "output.runsDir=" + f);
        refusedNamingTheFile(r, f);
        assertTrue(r.err().contains("output.runsDir"), r.err());
    }

    @Test
    void matrixRefusesAFileAsOut() throws Exception {
        Path f = file();
        Files.writeString(tmp.resolve("tiny.yaml"), "name: tiny\n");
        Path spec = Files.writeString(tmp.resolve("matrix.yaml"), "seeds: [1]\nmethods: [joint]\ndatasets:\n  - name: tiny\n    config: tiny.yaml\n");
        refusedNamingTheFile(CliTest.run("matrix", "--spec", spec.toString(), "--out", f.toString()), f);
        refusedNamingTheFile(CliTest.run("matrix", "--spec", spec.toString(), "--out", f.resolve("sub").toString()), f);
        assertEquals(3, Files.list(tmp).count(), "nothing was created");
    }

    @Test
    void trainRefusesAFileAsOut() throws Exception {
        Path f = file();
        for (Path out : new Path[] {f, f.resolve("sub")}) {
            CliTest.Result r = CliTest.run("train", "--out", out.toString());
            refusedNamingTheFile(r, f);
            assertTrue(r.err().contains("--out names the folder that receives the run folder"), r.err());
        }
        assertEquals(1, Files.list(tmp).count(), "nothing was created");
    }

    @Test
    void reportRefusesAFileAsOut() throws Exception {
        Path f = file();
        for (Path out : new Path[] {f, f.resolve("sub")}) {
            CliTest.Result r = CliTest.run("report", "--runs", tmp.toString(), "--out", out.toString());
            refusedNamingTheFile(r, f);
            assertTrue(r.err().contains("--out names the folder that receives the report"), r.err());
        }
        assertEquals(1, Files.list(tmp).count(), "nothing was created");
    }
}
