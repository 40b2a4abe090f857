package org.iibalance.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every command, listed in each command's help. */
final class ExitCodes {
    static final int OK = 0;
    /** A run (or a trial of a sweep or matrix) failed or diverged; or an unexpected error. */
    static final int FAILED = 1;
    /** Bad usage or configuration: refused before anything started (the message names the key). */
    static final int REFUSED = 2;
    /** The dataset cannot be used (missing files, empty split, one class, ...). */
    static final int BAD_DATA = 3;
    /** An output file or folder cannot be written. */
    static final int CANNOT_WRITE = 4;
    /** The window cannot open: no display, or no GTK 3. */
    static final int NO_GUI = 5;
    /** Cancelled by Ctrl-C (the run folder is consistent and marked cancelled). */
    static final int CANCELLED = 130;

    private ExitCodes() {}

    /** The exit codes a command can return, with their meaning, for its help. */
    static Map<String, String> of(String command) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Integer.toString(OK), "done" + (command.equals("train") ? " (run completed)" : ""));
        switch (command) {
            case "train", "sweep", "matrix", "bench" -> m.put(Integer.toString(FAILED), "a run failed or diverged (see state.json), or an unexpected error");
            default -> m.put(Integer.toString(FAILED), "an unexpected error" + (command.equals("report") ? ", or no completed run was found" : ""));
        }
        m.put(Integer.toString(REFUSED), "bad usage or configuration, refused before anything started");
        if (!command.equals("config") && !command.equals("gui") && !command.equals("report")) m.put(Integer.toString(BAD_DATA), "the dataset cannot be used");
        m.put(Integer.toString(CANNOT_WRITE), "an output file or folder cannot be written");
        if (command.equals("gui") || command.equals("iibalance")) m.put(Integer.toString(NO_GUI), "the window cannot open (no display, or no GTK 3)");
        if (command.equals("train") || command.equals("sweep") || command.equals("matrix")) m.put(Integer.toString(CANCELLED), "cancelled with Ctrl-C");
        return m;
    }
}
