package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes of run files: a failed write (full disk) names the file, leaves no temporary file and keeps the old content; modes follow the umask. */
class SafeFilesTest {

    @AfterEach
    void noFault() {
        SafeFiles.injectFault(null);
    }

    @Test
    void aFailedWriteNamesTheFileKeepsTheOldContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("results.json");
        SafeFiles.write(f, "old\n");
        SafeFiles.injectFault(file -> {
            throw new IOException("No space left on device");
        });
        IOException e = assertThrows(IOException.class, () -> SafeFiles.write(f, "new content that does not fit\n"));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains("free on"), "names the free space of the disk: " + e.getMessage());
        assertEquals("old\n", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "only the file itself, no temporary file");
        }
    }

    /** The process umask (Linux: /proc/self/status), or -1 when unknown. */
    static int umask() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return -1;
        for (String l : Files.readAllLines(status)) if (l.startsWith("Umask:")) return Integer.parseInt(l.substring(6).trim(), 8);
        return -1;
    }

    static int mode(Path f) throws IOException {
        int m = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(f)) m |= 1 << (8 - p.ordinal());
        return m;
    }

    @Test
    void runFilesAreReadableByGroupAndOthersAsTheUmaskAllows(@TempDir Path runs) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes only");
        int umask = umask();
        assumeTrue(umask >= 0, "the umask is readable on Linux only");
        int expected = 0666 & ~umask;
        RunFolder f = RunFolder.create(runs, "modes");
        f.writeConfig(ExperimentConfig.defaults(), "header");
        f.writeState(RunState.RUNNING, null, 0);
        f.writeResults(Results.builder().run("joint", "synthetic-av", 1, "modes").accMultimodal(0.5).build());
        CheckpointSlot.commit(f.lastCheckpoint(), d -> new CheckpointState(1, 0.5, 1, 3, 0, java.util.Map.of()).write(d));
        try (RunLog log = f.openLog()) {
            log.line("hello");
        }
        ConfigIO.writeAtomically(runs.resolve("report.md"), "x");
        for (Path p : List.of(RunFiles.config(f.dir()), f.dir().resolve("state.json"), f.dir().resolve("results.json"),
                f.lastCheckpoint().resolve("state.json"), f.dir().resolve("run.log"), runs.resolve("report.md"))) {
            assertEquals(Integer.toOctalString(expected), Integer.toOctalString(mode(p)), p + " under umask " + Integer.toOctalString(umask));
        }
        if (umask == 0022) assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Set.copyOf(Files.getPosixFilePermissions(f.dir().resolve("state.json"))));
    }
}
