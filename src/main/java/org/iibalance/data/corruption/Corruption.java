package org.iibalance.data.corruption;

import java.util.Locale;
import java.util.SplittableRandom;
import org.iibalance.data.ModalitySpec;

/**
 * A named, seeded transform of one modality's decoded input, applied at evaluation time (never in
 * training). The input is the clip's array as the encoders see it: standardised with the training
 * split's mean and standard deviation (so 0 is the training mean and 1 one training standard
 * deviation). Each corruption has at most one severity parameter; its spec is
 * {@code <modality>-<kind>[:<parameter>=<value>]}, e.g. {@code audio-noise:snr=-10}.
 */
public abstract class Corruption {
    private final String modality;
    private final String kind;
    private final String parameter;
    private final double severity;

    protected Corruption(String modality, String kind, String parameter, double severity) {
        this.modality = modality;
        this.kind = kind;
        this.parameter = parameter;
        this.severity = severity;
    }

    /** The modality it corrupts (a name of the dataset's modalities). */
    public final String modality() {
        return modality;
    }

    /** Its kind ({@code noise}, {@code mute}, {@code darken}, {@code occlude}, {@code pixel-noise}, {@code freeze}, {@code missing}). */
    public final String kind() {
        return kind;
    }

    /** {@code <modality>-<kind>}, the name of the corruption without its severity. */
    public final String name() {
        return modality + "-" + kind;
    }

    /** The severity parameter's name, null when the corruption has none. */
    public final String parameter() {
        return parameter;
    }

    /** The severity value, NaN when the corruption has none. */
    public final double severity() {
        return severity;
    }

    /** The canonical spec, which {@link CorruptionSpec#parse} reads back. */
    public final String spec() {
        return parameter == null ? name() : name() + ":" + parameter + "=" + format(severity);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** Whether the corruption applies to a modality of this kind (frames-only corruptions refuse spectrograms). */
    public boolean appliesTo(ModalitySpec.Kind k) {
        return true;
    }

    /**
     * A corrupted copy of one clip's input ({@code x} is not changed).
     *
     * @param x    the clip's standardised array of this modality
     * @param spec the modality's shape
     * @param r    the clip's own random stream (seeded from the corruption seed and the clip id)
     */
    public abstract float[] apply(float[] x, ModalitySpec spec, SplittableRandom r);

    /**
     * A corrupted copy of a clip's input of this modality, with the clip's waveform when the dataset
     * has one ({@code waveforms} may be null). Only audio noise uses the waveform; the rest act on
     * {@code x}.
     */
    public float[] apply(org.iibalance.data.Clip clip, float[] x, ModalitySpec spec, SplittableRandom r, Waveforms waveforms) {
        return apply(x, spec, r);
    }

    @Override
    public String toString() {
        return spec();
    }

    /** Mean square of an array: its power around the training mean (0 after standardisation). */
    static double power(float[] x) {
        double s = 0;
        for (float v : x) s += (double) v * v;
        return x.length == 0 ? 0 : s / x.length;
    }

    static float min(float[] x) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : x) m = Math.min(m, v);
        return x.length == 0 ? 0 : m;
    }
}
