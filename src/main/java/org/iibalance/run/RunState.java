package org.iibalance.run;

import java.util.Locale;

/** The state of a run folder, written to {@code state.json}. */
public enum RunState {
    RUNNING, COMPLETED, CANCELLED, FAILED, DIVERGED;

    /** The text written to {@code state.json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a {@code state.json} label; null when the text is no state. */
    public static RunState ofLabel(String label) {
        if (label == null) return null;
        for (RunState s : values()) if (s.label().equalsIgnoreCase(label.trim())) return s;
        return null;
    }
}
