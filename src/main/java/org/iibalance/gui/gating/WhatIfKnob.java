package org.iibalance.gui.gating;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One slider of the what-if panel: a corruption of one modality with its severity. At its
 * {@code clean} end the knob corrupts nothing.
 *
 * @param modality the modality it corrupts
 * @param kind     {@code noise} (SNR in dB, lower is worse), {@code darken} or {@code occlude} (0..1, higher is worse)
 * @param min      slider minimum
 * @param max      slider maximum
 * @param clean    the value that means "not corrupted" ({@code max} for noise, 0 for the others)
 * @param value    the slider's value
 */
public record WhatIfKnob(String modality, String kind, double min, double max, double clean, DoubleProperty value) {
    /** Noise at an SNR from {@code max} dB (clean) down to {@code min} dB. */
    static WhatIfKnob noise(String modality, double min, double max) {
        return new WhatIfKnob(modality, "noise", min, max, max, new SimpleDoubleProperty(max));
    }

    /** A 0..1 severity ({@code darken} or {@code occlude}), 0 clean. */
    static WhatIfKnob severity(String modality, String kind) {
        return new WhatIfKnob(modality, kind, 0, 1, 0, new SimpleDoubleProperty(0));
    }

    /** Whether it corrupts at its current value. */
    public boolean active() {
        return kind.equals("noise") ? value.get() < max - 1e-9 : value.get() > 1e-9;
    }

    /** The corruption spec at its current value ({@code evaluate --corrupt}'s syntax), null when clean. */
    public String spec() {
        if (!active()) return null;
        return switch (kind) {
            case "noise" -> String.format(Locale.ROOT, "%s-noise:snr=%.0f", modality, value.get());
            case "darken" -> String.format(Locale.ROOT, "%s-darken:level=%.2f", modality, value.get());
            default -> String.format(Locale.ROOT, "%s-occlude:size=%.2f", modality, value.get());
        };
    }

    /** The slider's caption. */
    public String caption() {
        return switch (kind) {
            case "noise" -> modality + " noise: " + (active() ? String.format(Locale.ROOT, "SNR %.0f dB", value.get()) : "off");
            case "darken" -> modality + " darkened: " + (active() ? String.format(Locale.ROOT, "%.0f%%", 100 * value.get()) : "off");
            default -> modality + " occluded: " + (active() ? String.format(Locale.ROOT, "square of %.0f%% side", 100 * value.get()) : "off");
        };
    }

    /** An id for the slider ({@code whatIf-audio-noise}). */
    public String id() {
        return "whatIf-" + modality + "-" + kind;
    }
}
