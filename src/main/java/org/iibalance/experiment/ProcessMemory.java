package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from /proc (Linux), in MiB; NaN elsewhere. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Current resident set size (VmRSS). */
    public static double rssMiB() {
        return field("VmRSS:");
    }

    /** Peak resident set size so far (VmHWM). */
    public static double peakRssMiB() {
        return field("VmHWM:");
    }

    private static double field(String name) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(name)) return Double.parseDouble(l.substring(name.length()).trim().split("\\s+")[0]) / 1024.0;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
