package org.iibalance.nn;

import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.global.torch;

/**
 * Parses a device name from the configuration ({@code cpu}, {@code cuda}, {@code cuda:N} or
 * {@code auto}) into a libtorch {@link Device}. {@code auto} picks the first CUDA device when the
 * engine was built with CUDA (the {@code gpu} Maven profile) and one is present, else the CPU.
 */
public final class Devices {
    static {
        Engine.load();
    }

    private Devices() {}

    /** Whether this engine build sees at least one CUDA device. */
    public static boolean cudaAvailable() {
        try {
            return torch.cuda_is_available();
        } catch (Throwable t) {
            return false;
        }
    }

    /** The names a user may give, for error messages. */
    public static final String ALLOWED = "cpu, cuda, cuda:N, auto";

    /** Checks a device name without touching the engine; returns null when valid, else the problem. */
    public static String check(String name) {
        if (name == null) return "is missing (allowed: " + ALLOWED + ")";
        String n = name.trim().toLowerCase();
        if (n.equals("cpu") || n.equals("auto") || n.equals("cuda")) return null;
        if (n.matches("cuda:\\d+")) return null;
        return "'" + name + "' is not a device (allowed: " + ALLOWED + ")";
    }

    /** Resolves the name to a concrete device name ("cpu" or "cuda:N"). */
    public static String resolve(String name) {
        String n = name.trim().toLowerCase();
        if (n.equals("auto")) return cudaAvailable() ? "cuda:0" : "cpu";
        if (n.equals("cuda")) n = "cuda:0";
        if (n.startsWith("cuda") && !cudaAvailable()) {
            throw new IllegalStateException("device '" + name + "' was asked for, but this build of the engine sees no CUDA device"
                    + " (build with -Pgpu on a machine with CUDA 13 drivers, or use device: cpu)");
        }
        return n;
    }

    /** The libtorch device for a resolved name. */
    public static Device of(String resolved) {
        return new Device(resolved);
    }
}
