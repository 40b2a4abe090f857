package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run folder: an OS lock held for the run's life; the second writer is refused naming the folder and the holder. */
class RunLockTest {

    @Test
    void aSecondWriterInThisProcessIsRefusedUntilTheFirstReleases(@TempDir Path dir) throws Exception {
        try (RunLock first = RunLock.acquire(dir)) {
            RunLock.HeldException e = assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), "names the holder: " + e.getMessage());
        }
        try (RunLock again = RunLock.acquire(dir)) {
            assertTrue(again.file().startsWith(dir));
        }
    }

    /** Holds the lock of the folder in args[0] until its standard input closes (run in a child JVM). */
    public static void main(String[] args) throws Exception {
        try (RunLock l = RunLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait
            }
        }
    }

    @Test
    void anotherProcessHoldingTheFolderIsNamed(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), RunLockTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            RunLock.HeldException e = assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("pid " + p.pid()), "names the other process: " + e.getMessage());
            p.getOutputStream().close(); // the holder ends and its lock goes with it
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            try (RunLock mine = RunLock.acquire(dir)) {
                assertTrue(mine.file().startsWith(dir));
            }
        } finally {
            p.destroy();
        }
    }
}
