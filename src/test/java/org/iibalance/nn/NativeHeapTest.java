package org.iibalance.nn;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class NativeHeapTest {

    /** Resident memory from /proc (Linux), MiB. */
    private static double rssMiB() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) return Double.parseDouble(l.substring(6).trim().split("\\s+")[0]) / 1024.0;
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    void loadingTheEngineKeepsTheHeapSettingsInForce() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's mallopt: Linux only");
        Engine.load(); // must set them itself: read the state before anything here could set it
        assertEquals(Boolean.TRUE, NativeHeap.applied, "Engine.load() put M_MMAP_THRESHOLD and M_TRIM_THRESHOLD in force");
        assertTrue(NativeHeap.keepFreedMemory(), "asking again answers the first call's outcome (idempotent)");
    }

    @Test
    void aFreedTensorsMemoryStaysInTheProcess() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's mallopt: Linux only");
        Engine.load();
        // 24 MiB: above glibc's default mmap threshold, so without the settings it is its own mapping,
        // unmapped on free (RSS falls by 24 MiB; IIBALANCE_KEEP_HEAP=0 shows it) and faulted in again
        // by the next tensor
        long n = 6L << 20;
        double before;
        double afterFree;
        try (NativeScope s = new NativeScope()) {
            Tensor t = torch.ones(n); // touches every page
            assertEquals(n, (long) t.sum().item_double());
            before = rssMiB();
            t.close();
            afterFree = rssMiB();
        }
        assertTrue(before - afterFree < 12, "freeing 24 MiB gave " + (before - afterFree) + " MiB back to the OS: the heap was not kept");
    }
}
