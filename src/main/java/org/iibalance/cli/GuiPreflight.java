package org.iibalance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks, before JavaFX starts, that a window can open, so that a user over SSH gets one line instead
 * of a 31-line trace: on Linux a display ({@code DISPLAY} or {@code WAYLAND_DISPLAY}) and GTK 3, which
 * JavaFX's Linux toolkit loads ({@code libgtk-3.so.0}, Debian package {@code libgtk-3-0}). Headless
 * JavaFX (Monocle, {@code -Dglass.platform=Monocle}) needs neither.
 */
final class GuiPreflight {
    /** Folders where the dynamic linker finds libgtk-3 on the common distributions. */
    static final List<String> LIB_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/local/lib");

    private GuiPreflight() {}

    /** What stops the window from opening on this machine, or null. */
    static String problem() {
        return problem(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform", ""), LIB_DIRS);
    }

    static String problem(String os, Map<String, String> env, String glassPlatform, List<String> libDirs) {
        if (!os.toLowerCase().contains("linux") || glassPlatform.equalsIgnoreCase("Monocle")) return null;
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "no display: DISPLAY is not set (over SSH use ssh -X, or the headless commands: train, sweep, matrix, report)";
        }
        boolean gtk = false;
        for (String d : libDirs) gtk |= Files.exists(Path.of(d, "libgtk-3.so.0"));
        if (!gtk) return "GTK 3 (libgtk-3.so.0) was not found: JavaFX needs it on Linux; install it with: sudo apt-get install libgtk-3-0";
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
